package org.lodestar.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

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
import org.lodestar.directory.SignedInUser;
import org.lodestar.enrollment.domain.EnrollmentImports;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.lodestar.support.WatchedUpload;
import org.lodestar.support.Workbooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Enrollment and births imports: bounded, checked before reading, capped, serialized and audited in detail. */
@LodestarTest
class EnrollmentImportLimitsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EnrollmentImports imports;

    private MockHttpServletResponse upload(String path, WatchedUpload file, SignedInUser as) throws Exception {
        return mvc.perform(multipart(path)
                        .file(file)
                        .param("lang", "en")
                        .with(user(as))
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }

    private SignedInUser planner() {
        return fixtures.user("planner@lakeview.example");
    }

    @Test
    void aViewerIsRefusedBeforeEitherFileIsOpened() throws Exception {
        SignedInUser viewer = fixtures.user("board@lakeview.example");
        for (String path : List.of("/enrollment/import", "/enrollment/births")) {
            WatchedUpload bomb =
                    new WatchedUpload("bomb.xlsx", Workbooks.emptyRows("school_id,year,grade,count", 2_000_000));
            assertThat(upload(path, bomb, viewer).getStatus()).as(path).isEqualTo(403);
            assertThat(bomb.opened()).as(path).isZero();
        }
    }

    @Test
    void aPlannersZipBombIsRefusedByItsRatio() throws Exception {
        WatchedUpload bomb =
                new WatchedUpload("bomb.xlsx", Workbooks.emptyRows("school_id,year,grade,count", 2_000_000));
        String page = upload("/enrollment/import", bomb, planner()).getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("The workbook unpacks to more than 100 times its size");
    }

    @Test
    void manyUnknownSchoolsShowTheFirstHundredAndHowManyMore() throws Exception {
        StringBuilder csv = new StringBuilder("school_id,year,grade,count\n");
        for (int i = 0; i < 150; i++) {
            csv.append("Nowhere ").append(i).append(",2025,K,10\n");
        }
        String page = upload(
                        "/enrollment/import",
                        new WatchedUpload("counts.csv", csv.toString().getBytes(StandardCharsets.UTF_8)),
                        planner())
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Nowhere 99").doesNotContain("Nowhere 100&").contains("And 50 more problems.");
    }

    @Test
    void aBirthsFileOfTheWrongKindIsRefusedAtItsHeader() throws Exception {
        String page = upload(
                        "/enrollment/births",
                        new WatchedUpload("births.csv", "year,deaths\n2019,5\nx,y\n".getBytes(StandardCharsets.UTF_8)),
                        planner())
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Missing columns: births.").doesNotContain("<td>3</td>");
    }

    @Test
    void theAuditEntrySaysWhichSchoolYearsChangedFromWhatToWhat() throws Exception {
        UUID birch = fixtures.any("select id from school where district_id = ? and name = 'Birch Elementary'");
        Integer total = fixtures.jdbc()
                .sql("select sum(students)::int from enrollment_count where school_id = ? and school_year = 2024")
                .param(birch)
                .query(Integer.class)
                .single();
        Integer grade1 = fixtures.jdbc()
                .sql("select students from enrollment_count where school_id = ? and school_year = 2024 and grade = '1'")
                .param(birch)
                .query(Integer.class)
                .single();
        String csv = "school_id,year,grade,count\nBirch Elementary,2024,1," + (grade1 + 7) + "\n";
        var result = imports.importFile(
                planner(), "birch.csv", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)), false);
        assertThat(result.applied()).isTrue();
        var audit = fixtures.jdbc()
                .sql("select summary, before_state::text as b, after_state::text as a from audit_event"
                        + " where entity_type = 'Enrollment' order by at desc limit 1")
                .query((rs, row) -> List.of(rs.getString("summary"), rs.getString("b"), rs.getString("a")))
                .single();
        assertThat(audit.get(0)).isEqualTo("birch.csv");
        assertThat(audit.get(1)).isEqualTo("{\"Birch Elementary 2024-25\": " + total + "}");
        assertThat(audit.get(2))
                .contains("\"Birch Elementary 2024-25\": " + (total + 7))
                .contains(
                        "\"history.field.changedSchoolYears\": {\"kind\": \"NUMBER\", \"parts\": [], \"value\": \"1\"}");
        String back = "school_id,year,grade,count\nBirch Elementary,2024,1," + grade1 + "\n";
        assertThat(imports.importFile(
                                planner(),
                                "birch.csv",
                                new ByteArrayResource(back.getBytes(StandardCharsets.UTF_8)),
                                false)
                        .applied())
                .isTrue();
    }

    /** Rewrites Birch's recorded counts with the same numbers, so that the shared demo data stays as it was. */
    @Test
    void twoImportsOfTheSameCountsInOppositeOrdersBothApply() throws Exception {
        UUID birch = fixtures.any("select id from school where district_id = ? and name = 'Birch Elementary'");
        List<String> rows = fixtures.jdbc()
                .sql("select school_year, grade, students from enrollment_count where school_id = ?"
                        + " order by school_year, grade")
                .param(birch)
                .query((rs, row) -> "Birch Elementary," + rs.getInt("school_year") + "," + rs.getString("grade") + ","
                        + rs.getInt("students"))
                .list();
        assertThat(rows).hasSizeGreaterThan(20);
        byte[] forward = ("school_id,year,grade,count\n" + String.join("\n", rows)).getBytes(StandardCharsets.UTF_8);
        Collections.reverse(rows);
        byte[] backward = ("school_id,year,grade,count\n" + String.join("\n", rows)).getBytes(StandardCharsets.UTF_8);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<EnrollmentImports.ImportResult>> results = new ArrayList<>();
            for (byte[] file : List.of(forward, backward)) {
                results.add(threads.submit(() -> {
                    start.await();
                    return imports.importFile(planner(), "counts.csv", new ByteArrayResource(file), false);
                }));
            }
            start.countDown();
            for (Future<EnrollmentImports.ImportResult> result : results) {
                assertThat(result.get(2, TimeUnit.MINUTES).recorded()).isEqualTo(rows.size());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
