package org.lodestar.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public scorecard's CSV download, without sign-in, hides what the page hides: the demo's few American Indian
 * third graders and the next smallest race group are blank with the reason, their values nowhere in the file.
 */
@LodestarTest
class PublicScorecardCsvTest {

    private static final String KPI = "Grade 3 reading proficiency";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    private MockHttpServletResponse download(Locale locale) throws Exception {
        return mvc.perform(get("/p/lakeview/scorecard.csv").param("lang", locale.getLanguage()))
                .andReturn()
                .getResponse();
    }

    private static List<CSVRecord> records(MockHttpServletResponse response) throws IOException {
        String text = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.DEFAULT.parse(new StringReader(text.substring(1))).getRecords();
    }

    /** The latest school year's value of a group at the district, as recorded (what only signed-in people see). */
    private BigDecimal recorded(String group) {
        return fixtures.jdbc()
                .sql("""
                        select value from measurement m join kpi k on k.district_id = m.district_id and k.id = m.kpi_id
                         where k.name = ? and m.school_id is null and m.group_code = ?
                         order by m.school_year desc, m.period desc limit 1""")
                .params(KPI, group)
                .query(BigDecimal.class)
                .single();
    }

    private static CSVRecord groupRow(List<CSVRecord> rows, String group) {
        return rows.stream()
                .filter(row -> row.get(1).equals(KPI) && row.get(5).equals(group))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + group));
    }

    @Test
    void aVisitorDownloadsWhatThePageShowsAndNotWhatItHides() throws Exception {
        MockHttpServletResponse response = download(Locale.ENGLISH);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"lakeview-scorecard.csv\"");
        List<CSVRecord> rows = records(response);
        assertThat(rows.get(0).toList())
                .containsExactly(
                        "Goal",
                        "Measure",
                        "Unit",
                        "School year",
                        "District or school",
                        "Student group",
                        "Value",
                        "Status",
                        "Note");

        CSVRecord few = groupRow(rows, "American Indian or Alaska Native");
        assertThat(few.get(6)).isEmpty();
        assertThat(few.get(8)).startsWith("Not shown: fewer than 10 students");
        CSVRecord complement = groupRow(rows, "Two or more races");
        assertThat(complement.get(6)).isEmpty();
        assertThat(groupRow(rows, "Asian").get(6))
                .isEqualTo(recorded("ASIAN").stripTrailingZeros().toPlainString());
        String hiddenValue = recorded("NATIVE").stripTrailingZeros().toPlainString();
        assertThat(rows.stream()
                        .filter(row -> row.get(1).equals(KPI) && row.get(5).equals("American Indian or Alaska Native")))
                .allSatisfy(row -> assertThat(row.get(6)).isNotEqualTo(hiddenValue));

        // every year of the district's total is there, oldest first, with its status
        List<CSVRecord> totals = rows.stream()
                .filter(row -> row.get(1).equals(KPI) && row.get(4).equals("Lakeview Unified School District"))
                .filter(row -> row.get(5).equals("All students") && !row.get(7).isEmpty())
                .toList();
        assertThat(totals).hasSizeGreaterThan(1);
        assertThat(totals.get(0).get(3))
                .isLessThan(totals.get(totals.size() - 1).get(3));
    }

    @Test
    void inSpanishTheHeadingsAndNotesAreSpanishAndTheNumbersStayPlain() throws Exception {
        List<CSVRecord> rows = records(download(Locale.forLanguageTag("es")));

        assertThat(rows.get(0).get(0)).isEqualTo("Meta");
        // the KPI's name is in Spanish too: the few American Indian students are found by their group alone
        assertThat(rows.stream().filter(row -> row.get(5).equals("Indígena americano o nativo de Alaska")))
                .isNotEmpty()
                .anySatisfy(row -> {
                    assertThat(row.get(6)).isEmpty();
                    assertThat(row.get(8)).startsWith("No se muestra: menos de 10 estudiantes");
                });
        assertThat(rows.stream().skip(1).map(row -> row.get(6)).filter(value -> !value.isEmpty()))
                .allSatisfy(value -> assertThat(value).matches("-?\\d+(\\.\\d+)?"));
    }

    @Test
    void anUnknownDistrictIsNotFound() throws Exception {
        assertThat(mvc.perform(get("/p/nowhere/scorecard.csv"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }
}
