package org.lodestar.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.domain.ApiTokenStore;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school or group value of a KPI about students is refused without its n by the form, the import and the API, and
 * nothing is saved; a KPI not about students takes such values without n.
 */
@LodestarTest
@Transactional // rolled back: the test KPIs and their values leave the demo as it was
class StudentValuesNeedNTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiTokenStore tokens;

    private UUID districtOutcome() {
        return fixtures.any("""
                select o.id from outcome o join goal g on g.district_id = o.district_id and g.id = o.goal_id
                join plan p on p.district_id = g.district_id and p.id = g.plan_id
                where o.district_id = ? and p.school_id is null and o.removed_at is null order by g.position, o.position""");
    }

    private UUID maple() {
        return fixtures.any("select id from school where district_id = ? and name = 'Maple Elementary'");
    }

    private int values(UUID kpi) {
        return fixtures.jdbc()
                .sql("select count(*) from measurement where kpi_id = ?")
                .param(kpi)
                .query(Integer.class)
                .single();
    }

    private MockHttpServletResponse form(UUID kpi, UUID school, String group) throws Exception {
        var request = post("/kpis/" + kpi + "/measurements")
                .param("schoolYear", "2025-26")
                .param("period", "0")
                .param("groupCode", group)
                .param("value", "61")
                .param("lang", "en")
                .with(user(fixtures.user("planner@lakeview.example")))
                .with(csrf());
        if (school != null) {
            request.param("schoolId", school.toString());
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private String upload(String csv) throws Exception {
        return mvc.perform(multipart("/measurements/import")
                        .file(new MockMultipartFile(
                                "file", "values.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("lang", "en")
                        .with(user(fixtures.user("planner@lakeview.example")))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse api(UUID kpi, String body) throws Exception {
        var planner = fixtures.user("planner@lakeview.example");
        String token = tokens.create(planner.districtId(), planner.userId(), "about students");
        return mvc.perform(post("/api/v1/kpis/" + kpi + "/measurements")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
    }

    @Test
    void theFormRefusesAGroupOrSchoolValueWithoutNAtTheNField() throws Exception {
        UUID kpi = fixtures.newKpi(districtOutcome(), "Readers by group", 60);
        for (var response : new MockHttpServletResponse[] {form(kpi, null, "ASIAN"), form(kpi, maple(), "ALL")}) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                    .contains("id=\"n-error\"")
                    .contains("A value of a KPI about students for a school or a student group needs its number of"
                            + " students (n).");
        }
        assertThat(values(kpi)).isZero();
        // the district total may come without n (it is then not public)
        assertThat(form(kpi, null, "ALL").getStatus()).isEqualTo(302);
        assertThat(values(kpi)).isEqualTo(1);
    }

    @Test
    void theImportRefusesTheWholeFileWithTheRowWithoutN() throws Exception {
        UUID kpi = fixtures.newKpi(districtOutcome(), "Readers by group", 60);
        String page = upload("""
                kpi,school_year,school,group,value,n
                Readers by group,2025-26,,ALL,61,900
                Readers by group,2025-26,,ASIAN,63,
                Readers by group,2025-26,Maple Elementary,ALL,58,
                Readers by group,2025-26,Maple Elementary,EL,52,40
                """);
        assertThat(page).contains("Nothing from values.csv was imported");
        assertThat(page)
                .contains("<td>3</td>")
                .contains("<td>4</td>")
                .contains("A value of a KPI about students for a school or a student group needs its number of"
                        + " students (n).")
                .doesNotContain("<td>2</td>")
                .doesNotContain("<td>5</td>");
        assertThat(values(kpi)).isZero();
    }

    @Test
    void theApiRefusesAGroupValueWithoutNAndListsTheEntry() throws Exception {
        UUID kpi = fixtures.newKpi(districtOutcome(), "Readers by group", 60);
        MockHttpServletResponse response = api(kpi, """
                [{"schoolYear":"2025-26","value":61,"n":900},
                 {"schoolYear":"2025-26","group":"ASIAN","value":63}]""");
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .contains("\"index\":1")
                .contains("\"field\":\"n\"")
                .contains("needs its number of students (n)")
                .doesNotContain("\"index\":0");
        assertThat(values(kpi)).isZero();
    }

    @Test
    void aKpiNotAboutStudentsTakesGroupAndSchoolValuesWithoutN() throws Exception {
        UUID kpi = fixtures.newKpi(districtOutcome(), "Staff by group", 60, false);
        assertThat(form(kpi, null, "ASIAN").getStatus()).isEqualTo(302);
        assertThat(upload("kpi,school_year,school,group,value\nStaff by group,2024-25,Maple Elementary,ALL,58\n"))
                .contains("Recorded 1 values");
        MockHttpServletResponse api = api(kpi, "[{\"schoolYear\":\"2023-24\",\"group\":\"EL\",\"value\":40}]");
        assertThat(api.getStatus()).isEqualTo(201);
        assertThat(values(kpi)).isEqualTo(3);
        var planner = fixtures.user("planner@lakeview.example");
        String dto = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/kpis/" + kpi)
                                .header(
                                        "Authorization",
                                        "Bearer " + tokens.create(planner.districtId(), planner.userId(), "read")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(dto).contains("\"aboutStudents\":false");
    }

    @Test
    void theKpiFormSaysWhetherValuesAreAboutStudents() throws Exception {
        UUID kpi = fixtures.newKpi(districtOutcome(), "Staff counted", 60);
        var planner = fixtures.user("planner@lakeview.example");
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/kpis/" + kpi + "/edit")
                        .param("lang", "en")
                        .with(user(planner)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).containsPattern("name=\"aboutStudents\"[^>]*checked").contains("Values are about students");
        // the box left unticked (only its marker sent) says the values are not about students
        var saved = mvc.perform(post("/kpis/" + kpi)
                        .param("version", fixtures.version("kpi", kpi))
                        .param("name", "Staff counted")
                        .param("unit", "COUNT")
                        .param("direction", "HIGHER_IS_BETTER")
                        .param("baselineValue", "60")
                        .param("baselineYear", "2024")
                        .param("frequency", "ANNUAL")
                        .param("_aboutStudents", "on")
                        .with(user(planner))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(aboutStudents(kpi)).isFalse();
        // the in-place form adds a KPI about students unless its box is unticked
        mvc.perform(post("/outcomes/" + districtOutcome() + "/kpis")
                .param("name", "Added about students")
                .param("baseline", "50")
                .param("target", "60")
                .param("_aboutStudents", "on")
                .param("aboutStudents", "on")
                .with(user(planner))
                .with(csrf()));
        mvc.perform(post("/outcomes/" + districtOutcome() + "/kpis")
                .param("name", "Added not about students")
                .param("baseline", "50")
                .param("target", "60")
                .param("_aboutStudents", "on")
                .with(user(planner))
                .with(csrf()));
        assertThat(aboutStudents(named("Added about students"))).isTrue();
        assertThat(aboutStudents(named("Added not about students"))).isFalse();
    }

    private UUID named(String name) {
        return fixtures.jdbc()
                .sql("select id from kpi where name = ?")
                .param(name)
                .query(UUID.class)
                .single();
    }

    private boolean aboutStudents(UUID kpi) {
        return fixtures.jdbc()
                .sql("select about_students from kpi where id = ?")
                .param(kpi)
                .query(Boolean.class)
                .single();
    }
}
