package org.lodestar.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.lodestar.support.WatchedUpload;
import org.lodestar.support.Workbooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Measurement imports refuse, plainly and before harm, what the security probe sent. */
@LodestarTest
class ImportLimitsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    private MockHttpServletResponse upload(WatchedUpload file, SignedInUser as) throws Exception {
        return mvc.perform(multipart("/measurements/import")
                        .file(file)
                        .param("lang", "en")
                        .with(user(as))
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }

    private String page(String name, String content) throws Exception {
        return upload(new WatchedUpload(name, content.getBytes(StandardCharsets.UTF_8)), planner())
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private SignedInUser planner() {
        return fixtures.user("planner@lakeview.example");
    }

    @Test
    void aViewerIsRefusedBeforeTheFileIsOpened() throws Exception {
        WatchedUpload bomb = new WatchedUpload("bomb.xlsx", Workbooks.emptyRows("kpi,school_year,value", 3_000_000));
        MockHttpServletResponse response = upload(bomb, fixtures.user("board@lakeview.example"));
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(bomb.opened()).isZero();
    }

    @Test
    void aPlannersZipBombIsRefusedByItsRatioAfterTheFirstMegabyte() throws Exception {
        int before = fixtures.count("measurement");
        WatchedUpload bomb = new WatchedUpload("bomb.xlsx", Workbooks.emptyRows("kpi,school_year,value", 3_000_000));
        String page = upload(bomb, planner()).getContentAsString(StandardCharsets.UTF_8);
        assertThat(bomb.opened()).isEqualTo(1);
        assertThat(page)
                .contains("Nothing from bomb.xlsx was imported")
                .contains("The workbook unpacks to more than 100 times its size");
        assertThat(fixtures.count("measurement")).isEqualTo(before);
    }

    @Test
    void aCsvPastTheDocumentedLimitsIsRefusedWithTheLimitNamed() throws Exception {
        assertThat(page("wide.csv", "kpi,school_year,value" + ",x".repeat(100) + "\n"))
                .contains("This row has more than 100 columns.");
        assertThat(page("long.csv", "kpi,school_year,value\nTeacher retention rate,2025-26," + "9".repeat(1001)))
                .contains("<td>2</td>")
                .contains("Column 3 of this row holds more than 1,000 characters.");
        String many = "kpi,school_year,value\n" + ",,\n".repeat(500_000);
        assertThat(page("many.csv", many)).contains("The file has more than 500,000 rows.");
    }

    @Test
    void aFileOfTheWrongKindIsRefusedAtItsHeader() throws Exception {
        String page = page("people.csv", "name,email\nAna,ana@example.org\nBo,bo@example.org\n");
        assertThat(page).contains("Missing columns: kpi, school_year, value.").doesNotContain("<td>2</td>");
        assertThat(page("header.csv", "kpi,school_year,value\n,,\n"))
                .contains("The file has no rows below its header.")
                .doesNotContain("Recorded 0 values");
    }

    @Test
    void fourHundredBadRowsShowTheFirstHundredAndHowManyMore() throws Exception {
        String bad = "kpi,school_year,value\n" + "Teacher retention rate,20x5,1\n".repeat(400);
        String page = page("bad.csv", bad);
        assertThat(page.split("is not like 2025-26", -1)).hasSize(101);
        assertThat(page).contains("<td>101</td>").doesNotContain("<td>102</td>");
        assertThat(page).contains("And 300 more problems.");
    }

    @Test
    void valuesBeyondTheColumnOrAPercentsRangeAreRefusedNotRounded() throws Exception {
        int before = fixtures.count("measurement");
        String page = page("values.csv", """
                kpi,school_year,value,n
                Teacher retention rate,2025-26,1e-30,
                Teacher retention rate,2026-27,250,
                Teacher retention rate,2027-28,-50,
                Teacher retention rate,2028-29,80,2.7
                """);
        assertThat(page)
                .contains("Value &quot;1E-30&quot; has more than 4 decimals; it is refused rather than rounded.")
                .contains("Value &quot;250&quot; is a percent and must be from 0 to 100.")
                .contains("Value &quot;-50&quot; is a percent and must be from 0 to 100.")
                .contains("Number of students &quot;2.7&quot; must be a whole number, 0 or more.");
        assertThat(fixtures.count("measurement")).isEqualTo(before);
    }
}
