package org.lodestar.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
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

    private static byte[] attendance(int firstYear, boolean reversed) {
        List<String> rows = new ArrayList<>();
        for (int year = firstYear; year < firstYear + 50; year++) {
            String schoolYear = year + "-" + String.format("%02d", (year + 1) % 100);
            rows.add("Average daily attendance," + schoolYear + ",ALL,93.5,100");
            rows.add("Average daily attendance," + schoolYear + ",EL,91,20");
        }
        if (reversed) {
            Collections.reverse(rows);
        }
        return ("kpi,school_year,group,value,n\n" + String.join("\n", rows)).getBytes(StandardCharsets.UTF_8);
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

    private int recordedFrom(int firstYear) {
        return fixtures.jdbc()
                .sql("select count(*) from measurement m join kpi k on k.id = m.kpi_id"
                        + " where k.name = 'Average daily attendance' and m.school_year between ? and ?")
                .params(firstYear, firstYear + 49)
                .query(Integer.class)
                .single();
    }

    /** Years past the demo's, removed afterwards so that the shared demo scorecard stays as it was. */
    @AfterEach
    void removeTheFutureYears() {
        fixtures.jdbc().sql("delete from measurement where school_year >= 2100").update();
    }

    @Test
    void twoImportsOfTheSameFileAtOnceBothApply() throws Exception {
        atOnce(attendance(2100, false), attendance(2100, false));
        assertThat(recordedFrom(2100)).isEqualTo(100);
    }

    /** Without a lock, each would hold the cells the other needs next: PostgreSQL would end one as a deadlock. */
    @Test
    void twoImportsOfTheSameCellsInOppositeOrdersBothApply() throws Exception {
        atOnce(attendance(2150, false), attendance(2150, true));
        assertThat(recordedFrom(2150)).isEqualTo(100);
    }
}
