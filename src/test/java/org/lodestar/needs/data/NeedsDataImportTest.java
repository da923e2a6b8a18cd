package org.lodestar.needs.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.lodestar.support.WatchedUpload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Imports of needs assessment data: the real Ed-Fi sample into a district with Grand Bend's schools, against the hand
 * numbers of EdFiReaderTest; all-or-nothing tables; bad XML; upload bounds; roles and districts.
 */
@LodestarTest
class NeedsDataImportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PasswordEncoder passwords;

    UUID grandBend;

    @BeforeEach
    void district() {
        grandBend = GrandBend.district(fixtures.jdbc(), passwords);
    }

    private SignedInUser planner() {
        return fixtures.user(GrandBend.PLANNER);
    }

    private MockHttpServletResponse edFi(SignedInUser as, List<MockMultipartFile> files) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/needs/data/import/edfi");
        files.forEach(request::file);
        return mvc.perform(request.param("lang", "en").with(user(as)).with(csrf()))
                .andReturn()
                .getResponse();
    }

    private MockHttpServletResponse table(SignedInUser as, MockMultipartFile file) throws Exception {
        return mvc.perform(multipart("/needs/data/import")
                        .file(file)
                        .param("lang", "en")
                        .with(user(as))
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }

    private BigDecimal[] stored(String metric, String stateId, String group, String grade) {
        return fixtures.jdbc()
                .sql("""
                        select v.value, v.n from cna_value v
                          join cna_metric m on m.district_id = v.district_id and m.id = v.metric_id
                          left join school s on s.district_id = v.district_id and s.id = v.school_id
                         where v.district_id = ? and m.code = ? and s.state_id is not distinct from ?
                           and v.group_code = ? and v.school_year = 2021 and v.grade = ?""")
                .params(grandBend, metric, stateId, group, grade)
                .query((rs, row) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)})
                .single();
    }

    private int values(UUID district) {
        return fixtures.jdbc()
                .sql("select count(*) from cna_value where district_id = ?")
                .param(district)
                .query(Integer.class)
                .single();
    }

    @Test
    void theEdFiSampleIsStoredAsTheHandNumbersSay() throws Exception {
        MockHttpServletResponse response = edFi(planner(), GrandBend.uploads());
        String page = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).isEqualTo(200);
        // 8 files; 960 distinct students (Student.xml)
        assertThat(page).contains("Read 8 files:").contains("about 960 students");
        // the one student with a BirthSex and attendance events is male: MALE is not a group of this district
        assertThat(page).contains("Left out, because the district does not break results down by them: MALE.");

        // 12 of 48 at the middle school chronically absent; 15 of 64 at the high school; 17 of 115 at the elementary
        assertThat(stored("CHRONIC_ABSENTEEISM", GrandBend.MIDDLE, "ALL", ""))
                .containsExactly(new BigDecimal("25.0000"), new BigDecimal("48"));
        assertThat(stored("CHRONIC_ABSENTEEISM", GrandBend.HIGH, "ALL", ""))
                .containsExactly(new BigDecimal("23.4375"), new BigDecimal("64"));
        assertThat(stored("CHRONIC_ABSENTEEISM", GrandBend.ELEMENTARY, "ALL", "")[0])
                .isEqualByComparingTo("14.7826");
        // the district: 44 of 227
        assertThat(stored("CHRONIC_ABSENTEEISM", null, "ALL", ""))
                .containsExactly(new BigDecimal("19.3833"), new BigDecimal("227"));
        // groups: 4 of 10 ECON, 1 of 2 NOT_ECON; attendance of ECON 1 - 109/1690
        assertThat(stored("CHRONIC_ABSENTEEISM", GrandBend.MIDDLE, "ECON", ""))
                .containsExactly(new BigDecimal("40.0000"), new BigDecimal("10"));
        assertThat(stored("CHRONIC_ABSENTEEISM", GrandBend.MIDDLE, "NOT_ECON", "")[0])
                .isEqualByComparingTo("50");
        assertThat(stored("ATTENDANCE_RATE", GrandBend.MIDDLE, "ECON", "")[0]).isEqualByComparingTo("93.5503");
        assertThat(stored("ATTENDANCE_RATE", GrandBend.ELEMENTARY, "ALL", ""))
                .containsExactly(new BigDecimal("96.0638"), new BigDecimal("115"));
        // proficiency by grade, and of all grades: grade 8 mathematics 3 of 7, grade 5 mathematics 6 of 9
        assertThat(stored("PROFICIENCY_MATHEMATICS", GrandBend.MIDDLE, "ALL", "8"))
                .containsExactly(new BigDecimal("42.8571"), new BigDecimal("7"));
        assertThat(stored("PROFICIENCY_MATHEMATICS", GrandBend.ELEMENTARY, "ALL", "5")[0])
                .isEqualByComparingTo("66.6667");
        assertThat(stored("PROFICIENCY_MATHEMATICS", GrandBend.MIDDLE, "ALL", "")[0])
                .isEqualByComparingTo("42.8571");
        assertThat(stored("PROFICIENCY_READING", GrandBend.MIDDLE, "ALL", "8")[0])
                .isEqualByComparingTo("100");

        // standard metrics with their Spanish names and directions
        assertThat(fixtures.jdbc()
                        .sql("select name_es || '|' || direction from cna_metric where district_id = ? and code = ?")
                        .params(grandBend, "CHRONIC_ABSENTEEISM")
                        .query(String.class)
                        .single())
                .isEqualTo("Ausentismo crónico|LOWER_IS_BETTER");
        assertThat(fixtures.jdbc()
                        .sql("select name_es from cna_metric where district_id = ? and code = ?")
                        .params(grandBend, "PROFICIENCY_MATHEMATICS")
                        .query(String.class)
                        .single())
                .isEqualTo("Estudiantes competentes en matemáticas");
        // what the page says was saved is what the values table holds from Ed-Fi (aggregates only)
        int fromEdFi = fixtures.jdbc()
                .sql("select count(*) from cna_value where district_id = ? and source = 'EDFI'")
                .param(grandBend)
                .query(Integer.class)
                .single();
        assertThat(page).contains("Saved " + fromEdFi + " values.");
        // no student's id was stored anywhere as a value's key: 604843 is an ECON student of the sample
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from cna_value where district_id = ? and (group_code like '%604843%'"
                                + " or grade like '%604843%')")
                        .param(grandBend)
                        .query(Integer.class)
                        .single())
                .isZero();

        // a second import of the same files replaces the values, it does not add to them
        int before = values(grandBend);
        assertThat(edFi(planner(), GrandBend.uploads()).getStatus()).isEqualTo(200);
        assertThat(values(grandBend)).isEqualTo(before);
    }

    @Test
    void aZipOfTheSampleReadsTheSame() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : GrandBend.FILES) {
                zip.putNextEntry(new ZipEntry("grand-bend/" + name));
                try (InputStream in = getClass().getResourceAsStream("/needs/edfi/grand-bend-isd/" + name)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write("not an interchange".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        String page = edFi(
                        planner(),
                        List.of(new MockMultipartFile(
                                "files", "grand-bend.zip", "application/zip", bytes.toByteArray())))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Read 8 files:").contains("about 960 students");
        assertThat(stored("CHRONIC_ABSENTEEISM", GrandBend.MIDDLE, "ALL", "")[0])
                .isEqualByComparingTo("25");
    }

    @Test
    void schoolsTheDistrictDoesNotHaveRefuseTheWholeImport() throws Exception {
        UUID lakeview = fixtures.demoDistrict();
        int before = values(lakeview);
        MockHttpServletResponse response = edFi(fixtures.user("planner@lakeview.example"), GrandBend.uploads());
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .contains("Ed-Fi school 255901001 (Grand Bend High School) is not a school of the district")
                .contains("Ed-Fi school 255901044 (Grand Bend Middle School)");
        assertThat(values(lakeview)).isEqualTo(before);
    }

    private static MockMultipartFile xml(String name, String content) {
        return new MockMultipartFile("files", name, "application/xml", content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void malformedXmlAnUnknownVersionAndADtdAreRefusedWithNothingSaved() throws Exception {
        int before = values(grandBend);
        List<MockMultipartFile> good = GrandBend.uploads();
        MockHttpServletResponse broken = edFi(planner(), List.of(good.get(0), xml("broken.xml", """
                <?xml version="1.0"?>
                <InterchangeStudent xmlns="http://ed-fi.org/5.2.0">
                  <Student><StudentUniqueId>1</StudentUniqueId>
                </InterchangeStudent>
                """)));
        assertThat(broken.getStatus()).isEqualTo(422);
        assertThat(broken.getContentAsString(StandardCharsets.UTF_8))
                .contains("broken.xml is not well-formed XML (line 4)")
                .contains("Nothing was saved.");

        MockHttpServletResponse version = edFi(planner(), List.of(xml("old.xml", """
                <?xml version="1.0"?>
                <InterchangeStudent xmlns="http://ed-fi.org/6.1.0"></InterchangeStudent>
                """)));
        assertThat(version.getStatus()).isEqualTo(422);
        assertThat(version.getContentAsString(StandardCharsets.UTF_8))
                .contains("old.xml is an Ed-Fi interchange of Data Standard 6.1.0; only Data Standard 5 is read.");

        MockHttpServletResponse dtd = edFi(planner(), List.of(xml("xxe.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE InterchangeStudent [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <InterchangeStudent xmlns="http://ed-fi.org/5.2.0">&x;</InterchangeStudent>
                """)));
        assertThat(dtd.getStatus()).isEqualTo(422);
        assertThat(dtd.getContentAsString(StandardCharsets.UTF_8))
                .contains("xxe.xml declares a DTD or an entity")
                .doesNotContain("root:");
        // in Spanish
        MockHttpServletResponse spanish = mvc.perform(multipart("/needs/data/import/edfi")
                        .file(xml("old.xml", "<InterchangeStudent xmlns=\"http://ed-fi.org/6.1.0\"/>"))
                        .param("lang", "es")
                        .with(user(planner()))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(spanish.getContentAsString(StandardCharsets.UTF_8))
                .contains("old.xml es un intercambio Ed-Fi del estándar de datos 6.1.0");
        assertThat(values(grandBend)).isEqualTo(before);
    }

    @Test
    void aTableIsSavedWholeOrEveryBadRowIsReported() throws Exception {
        // the standard metrics exist once Ed-Fi was imported; make sure of it
        edFi(planner(), GrandBend.uploads());
        int before = values(grandBend);
        String bad = """
                metric,school,group,school_year,grade,value,n
                CHRONIC_ABSENTEEISM,,ALL,2024-25,,14.2,230
                NO_SUCH_METRIC,,ALL,2024-25,,1,10
                CHRONIC_ABSENTEEISM,999,ALL,2024-25,,1,10
                CHRONIC_ABSENTEEISM,,ALL,24-25,,1,10
                CHRONIC_ABSENTEEISM,,ALL,2023-24,,150,10
                CHRONIC_ABSENTEEISM,,ECON,2023-24,,12,
                CHRONIC_ABSENTEEISM,,MARTIANS,2023-24,,12,3
                CHRONIC_ABSENTEEISM,,ALL,2024-25,,14.5,230
                """;
        MockHttpServletResponse response = table(
                planner(), new MockMultipartFile("file", "cna.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)));
        String page = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(page)
                .contains("Nothing from cna.csv was imported")
                .contains("<td>3</td>")
                .contains("Column metric: no metric has the code &quot;NO_SUCH_METRIC&quot;.")
                .contains("Column school: no school has the state id &quot;999&quot;.")
                .contains("Column school_year: &quot;24-25&quot; is not a school year like 2024-25.")
                .contains("Column value: &quot;150&quot; is a percent and must be from 0 to 100.")
                .contains(
                        "Column n: CHRONIC_ABSENTEEISM is about students, so each value needs its number of students.")
                .contains("Column group: no student group has the code &quot;MARTIANS&quot;.")
                .contains("The same value is already given on line 2.");
        assertThat(values(grandBend)).isEqualTo(before);

        String good = """
                metric,school,group,school_year,grade,value,n
                CHRONIC_ABSENTEEISM,,ALL,2024-25,,14.2,230
                chronic_absenteeism,255901044,econ,2024-25,,31.5,21
                PROFICIENCY_MATHEMATICS,255901107,ALL,2024-25,5,61,40
                """;
        MockHttpServletResponse saved = table(
                planner(), new MockMultipartFile("file", "cna.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8)));
        assertThat(saved.getStatus()).isEqualTo(200);
        assertThat(saved.getContentAsString(StandardCharsets.UTF_8)).contains("Saved 3 values from cna.csv (3 rows).");
        assertThat(values(grandBend)).isEqualTo(before + 3);
    }

    @Test
    void anUploadPastTheLimitIsRefusedWithAMessageBeforeItIsRead() throws Exception {
        Path big = Files.createTempFile("needs-50mb", ".csv");
        try {
            try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
                file.setLength(50L * 1024 * 1024);
            }
            WatchedUpload upload = new WatchedUpload("big.csv", Files.readAllBytes(big));
            MockHttpServletResponse response = table(planner(), upload);
            assertThat(response.getStatus()).isEqualTo(422);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                    .contains("The upload is larger than 40 MB. Import it in smaller parts.");
            assertThat(upload.opened()).isZero();
        } finally {
            Files.deleteIfExists(big);
        }
    }

    @Test
    void aViewerIsRefusedBeforeTheUploadIsRead() throws Exception {
        WatchedUpload upload =
                new WatchedUpload("cna.csv", "metric,school_year,value\n".getBytes(StandardCharsets.UTF_8));
        assertThat(table(fixtures.user(GrandBend.VIEWER), upload).getStatus()).isEqualTo(403);
        assertThat(upload.opened()).isZero();
        assertThat(mvc.perform(get("/needs/data/import").with(user(fixtures.user("board@lakeview.example"))))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        // a viewer reads no CNA data either, and a contributor neither
        assertThat(mvc.perform(get("/needs/data").with(user(fixtures.user("board@lakeview.example"))))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void anotherDistrictsMetricIsNotFound() throws Exception {
        edFi(planner(), GrandBend.uploads());
        UUID metric = fixtures.jdbc()
                .sql("select id from cna_metric where district_id = ? and code = 'CHRONIC_ABSENTEEISM'")
                .param(grandBend)
                .query(UUID.class)
                .single();
        SignedInUser lakeview = fixtures.user("planner@lakeview.example");
        assertThat(mvc.perform(get("/needs/data")
                                .param("metric", metric.toString())
                                .with(user(lakeview)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(post("/needs/metrics/" + metric + "/kpi")
                                .param("kpi", UUID.randomUUID().toString())
                                .param("version", "0")
                                .with(user(lakeview))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        // its own planner sees the table
        String page = mvc.perform(get("/needs/data")
                        .param("metric", metric.toString())
                        .param("year", "2021")
                        .param("lang", "en")
                        .with(user(planner())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Grand Bend Middle School").contains("n = 48").contains("small group");
    }

    @Test
    void anXlsxTableIsImportedToo() throws Exception {
        edFi(planner(), GrandBend.uploads());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(bytes, "test", "1.0");
        org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("CNA");
        String[][] rows = {
            {"metric", "school", "group", "school_year", "grade", "value", "n"},
            {"ATTENDANCE_RATE", GrandBend.HIGH, "ALL", "2023-24", "", "93.1", "70"},
            {"ATTENDANCE_RATE", GrandBend.HIGH, "ECON", "2023-24", "", "91.4", "31"}
        };
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                sheet.value(r, c, rows[r][c]);
            }
        }
        workbook.finish();
        MockHttpServletResponse response = table(
                planner(),
                new MockMultipartFile("file", "attendance.xlsx", "application/octet-stream", bytes.toByteArray()));
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("Saved 2 values from attendance.xlsx");
        assertThat(fixtures.jdbc()
                        .sql("""
                                select v.value from cna_value v join cna_metric m on m.district_id = v.district_id
                                 and m.id = v.metric_id where v.district_id = ? and m.code = 'ATTENDANCE_RATE'
                                 and v.school_year = 2023 and v.group_code = 'ECON' and v.source = 'XLSX'""")
                        .param(grandBend)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("91.4");
    }
}
