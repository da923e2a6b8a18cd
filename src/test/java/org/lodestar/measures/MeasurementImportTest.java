package org.lodestar.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@LodestarTest
class MeasurementImportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    private String upload(String name, byte[] content, SignedInUser as, Locale locale) throws Exception {
        return mvc.perform(multipart("/measurements/import")
                        .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                        .param("lang", locale.getLanguage())
                        .with(user(as))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aFileWithBadRowsImportsNothingAndReportsEveryBadRowByLine() throws Exception {
        int before = fixtures.count("measurement");
        String csv = """
                kpi,school_year,period,school,group,value,n
                Teacher retention rate,2025-26,0,,ALL,86.5,
                Teacher retention rate,2025/26,0,,ALL,86.5,
                Teacher retention rate,2025-26,0,Nowhere Elementary,ALL,86.5,
                No such KPI,2025-26,0,,ALL,abc,-3
                Teacher retention rate,2025-26,0,,ALL,87,
                """;
        String page = upload(
                "values.csv",
                csv.getBytes(StandardCharsets.UTF_8),
                fixtures.user("planner@lakeview.example"),
                Locale.ENGLISH);
        assertThat(fixtures.count("measurement")).isEqualTo(before);
        assertThat(page).contains("Nothing from values.csv was imported");
        assertThat(page).contains("<td>3</td>").contains("School year &quot;2025/26&quot; is not like 2025-26.");
        assertThat(page)
                .contains("<td>4</td>")
                .contains("No school is named or numbered &quot;Nowhere Elementary&quot;.");
        assertThat(page)
                .contains("<td>5</td>")
                .contains("No KPI is named or numbered &quot;No such KPI&quot;.")
                .contains("Value &quot;abc&quot; is not a number.")
                .contains("Number of students &quot;-3&quot; must be a whole number, 0 or more.");
        assertThat(page).contains("<td>6</td>").contains("The same value is already given on line 2.");
        assertThat(page).doesNotContain("<td>2</td>");
    }

    @Test
    void errorsAreInTheReadersLanguage() throws Exception {
        String csv = "kpi,school_year,value\nTeacher retention rate,20x5,1\n";
        String page = upload(
                "valores.csv",
                csv.getBytes(StandardCharsets.UTF_8),
                fixtures.user("planner@lakeview.example"),
                Locale.forLanguageTag("es"));
        assertThat(page)
                .contains("No se importó nada de valores.csv")
                .contains("El año escolar &quot;20x5&quot; no tiene la forma 2025-26.");
    }

    @Test
    void aGoodCsvIsRecordedWhole() throws Exception {
        UUID school = fixtures.any("select id from school where district_id = ? and name = 'Maple Elementary'");
        String csv = """
                kpi,school_year,period,school,group,value,n
                Students who feel they belong at school,2025-26,0,,ALL,70.2,8100
                Students who feel they belong at school,2025-26,0,LV-002,ALL,71.5,430
                students who feel they belong at school,2025-26,0,maple elementary,EL,60,52
                """;
        String page = upload(
                "belonging.csv",
                csv.getBytes(StandardCharsets.UTF_8),
                fixtures.user("planner@lakeview.example"),
                Locale.ENGLISH);
        assertThat(page).contains("Recorded 3 values from belonging.csv").doesNotContain("Nothing from");
        BigDecimal value = fixtures.jdbc()
                .sql(
                        "select m.value from measurement m join kpi k on k.district_id = m.district_id and k.id = m.kpi_id where k.name = 'Students who feel they belong at school' and m.school_year = 2025 and m.school_id = ? and m.group_code = 'ALL'")
                .param(school)
                .query(BigDecimal.class)
                .single();
        assertThat(value).isEqualByComparingTo("71.5");
    }

    @Test
    void aGoodXlsxIsRecordedToo() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(bytes, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("values");
            String[] header = {"kpi", "school_year", "period", "school", "group", "value", "n"};
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
            }
            sheet.value(1, 0, "Families satisfied with school communication");
            sheet.value(1, 1, "2025-26");
            sheet.value(1, 2, 0);
            sheet.value(1, 4, "ALL");
            sheet.value(1, 5, 77.25);
            sheet.value(1, 6, 2400);
        }
        String page =
                upload("survey.xlsx", bytes.toByteArray(), fixtures.user("planner@lakeview.example"), Locale.ENGLISH);
        assertThat(page).contains("Recorded 1 values from survey.xlsx");
        BigDecimal value = fixtures.jdbc()
                .sql(
                        "select m.value from measurement m join kpi k on k.district_id = m.district_id and k.id = m.kpi_id where k.name = 'Families satisfied with school communication' and m.school_year = 2025 and m.school_id is null and m.group_code = 'ALL'")
                .query(BigDecimal.class)
                .single();
        assertThat(value).isEqualByComparingTo("77.25");
    }

    @Test
    void anUnreadableFileIsRefusedPlainly() throws Exception {
        String csv = "kpi,school_year,value\n\"Teacher retention rate,2025-26,1\n";
        String page = upload(
                "broken.csv",
                csv.getBytes(StandardCharsets.UTF_8),
                fixtures.user("planner@lakeview.example"),
                Locale.ENGLISH);
        assertThat(page).contains("The file cannot be read");
        page = upload(
                "fake.xlsx",
                "not a workbook".getBytes(StandardCharsets.UTF_8),
                fixtures.user("planner@lakeview.example"),
                Locale.ENGLISH);
        assertThat(page).contains("The file cannot be read");
    }

    @Test
    void otherFileTypesAreRefused() throws Exception {
        String page =
                upload("values.pdf", new byte[] {1, 2, 3}, fixtures.user("planner@lakeview.example"), Locale.ENGLISH);
        assertThat(page).contains("Only .csv and .xlsx files can be imported.");
    }

    @Test
    void aContributorOfOneSchoolCannotRecordDistrictValues() throws Exception {
        int before = fixtures.count("measurement");
        String csv =
                "kpi,school_year,school,value\nChronic absenteeism,2025-26,,19\nChronic absenteeism,2025-26,Cedar Elementary,18\n";
        String page = upload(
                "absence.csv",
                csv.getBytes(StandardCharsets.UTF_8),
                fixtures.user("teacher@lakeview.example"),
                Locale.ENGLISH);
        assertThat(page).contains("<td>2</td>").contains("Your role does not allow recording values for district.");
        assertThat(fixtures.count("measurement")).isEqualTo(before);
    }
}
