package org.lodestar.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lodestar.measures.domain.MeasurementImport;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;

/** Two imports of the same cells at once take turns on the real database: both apply, neither fails. */
@LodestarTest
class ConcurrentImportTest {

    @Autowired
    MeasurementImport imports;

    @Autowired
    Fixtures fixtures;

    /** 100 cells of a KPI of the test's own: ten school years the plan can be measured in, five periods, two groups. */
    private static byte[] attendance(UUID kpi, boolean reversed) {
        List<String> rows = new ArrayList<>();
        for (int year = 2016; year < 2026; year++) {
            String schoolYear = year + "-" + String.format("%02d", (year + 1) % 100);
            for (int period = 0; period < 5; period++) {
                rows.add(kpi + "," + schoolYear + "," + period + ",ALL,93.5,100");
                rows.add(kpi + "," + schoolYear + "," + period + ",EL,91,20");
            }
        }
        if (reversed) {
            Collections.reverse(rows);
        }
        return ("kpi,school_year,period,group,value,n\n" + String.join("\n", rows)).getBytes(StandardCharsets.UTF_8);
    }

    /** A KPI of the district plan made for one test, so the shared demo scorecard stays as it was. */
    private UUID attendanceKpi() {
        UUID outcome = fixtures.any("select o.id from outcome o join goal g on g.id = o.goal_id"
                + " join plan p on p.id = g.plan_id where o.district_id = ? and p.school_id is null"
                + " and p.kind = 'STRATEGIC'");
        return fixtures.newKpi(outcome, "Concurrent attendance " + UUID.randomUUID(), 90);
    }

    /** Runs both imports at once and checks that each recorded all its rows. */
    private void atOnce(byte[] first, byte[] second) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<MeasurementImport.Result>> results = new ArrayList<>();
            for (byte[] file : List.of(first, second)) {
                results.add(threads.submit(() -> {
                    start.await();
                    return imports.importFile(
                            fixtures.user("planner@lakeview.example"), "attendance.csv", new ByteArrayResource(file));
                }));
            }
            start.countDown();
            for (Future<MeasurementImport.Result> result : results) {
                MeasurementImport.Result done = result.get(2, TimeUnit.MINUTES);
                assertThat(done.problems()).isEmpty();
                assertThat(done.recorded()).isEqualTo(100);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private int recorded(UUID kpi) {
        return fixtures.jdbc()
                .sql("select count(*) from measurement where kpi_id = ?")
                .param(kpi)
                .query(Integer.class)
                .single();
    }

    @Test
    void twoImportsOfTheSameFileAtOnceBothApply() throws Exception {
        UUID kpi = attendanceKpi();
        atOnce(attendance(kpi, false), attendance(kpi, false));
        assertThat(recorded(kpi)).isEqualTo(100);
    }

    /** Without a lock, each would hold the cells the other needs next: PostgreSQL would end one as a deadlock. */
    @Test
    void twoImportsOfTheSameCellsInOppositeOrdersBothApply() throws Exception {
        UUID kpi = attendanceKpi();
        atOnce(attendance(kpi, false), attendance(kpi, true));
        assertThat(recorded(kpi)).isEqualTo(100);
    }
}
