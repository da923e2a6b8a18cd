package org.lodestar.needs.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.needs.domain.MetricCatalog;
import org.lodestar.shared.Ids;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The metrics page (planners add, school leaders read) and a metric feeding a KPI when linked and after imports. */
@LodestarTest
class MetricsAndKpiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    private SignedInUser planner() {
        return fixtures.user("planner@lakeview.example");
    }

    private MockHttpServletResponse addMetric(SignedInUser as, String code, String nameEs) throws Exception {
        return mvc.perform(post("/needs/metrics")
                        .param("code", code)
                        .param("nameEn", "Students who feel safe at school (test)")
                        .param("nameEs", nameEs)
                        .param("area", "CLIMATE_AND_SAFETY")
                        .param("unit", "PERCENT")
                        .param("higherIsBetter", "true")
                        .param("aboutStudents", "true")
                        .param("lang", "en")
                        .with(user(as))
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }

    private MockHttpServletResponse csv(String content) throws Exception {
        return mvc.perform(multipart("/needs/data/import")
                        .file(new MockMultipartFile(
                                "file", "safe.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8)))
                        .param("lang", "en")
                        .with(user(planner()))
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }

    private UUID kpi(String unit) {
        UUID outcome = fixtures.any("""
                select o.id from outcome o join goal g on g.district_id = o.district_id and g.id = o.goal_id
                join plan p on p.district_id = g.district_id and p.id = g.plan_id
                where o.district_id = ? and p.school_id is null and p.kind = 'STRATEGIC'""");
        UUID kpi = Ids.next();
        fixtures.jdbc()
                .sql("""
                        insert into kpi (district_id, id, outcome_id, name, unit, direction, baseline_value,
                            baseline_year, frequency, about_students, position)
                        values (?, ?, ?, ?, ?, 'HIGHER_IS_BETTER', 50, 2024, 'ANNUAL', true, 91)""")
                .params(fixtures.demoDistrict(), kpi, outcome, "Feeling safe " + unit + " " + kpi, unit)
                .update();
        return kpi;
    }

    private BigDecimal recorded(UUID kpi, int year) {
        return fixtures.jdbc()
                .sql("""
                        select value from measurement where district_id = ? and kpi_id = ? and school_year = ?
                           and period = 0 and school_id is null and group_code = 'ALL'""")
                .params(fixtures.demoDistrict(), kpi, year)
                .query(BigDecimal.class)
                .optional()
                .orElse(null);
    }

    @Test
    void aPlannerAddsAMetricFeedsAKpiAndLaterImportsFeedItToo() throws Exception {
        String code = "FEEL_SAFE_" + Long.toString(System.nanoTime(), 36).toUpperCase();
        MockHttpServletResponse added = addMetric(planner(), code, "Estudiantes que se sienten seguros (prueba)");
        assertThat(added.getRedirectedUrl()).isEqualTo("/needs/metrics?added=" + code);
        // the same code again, and a missing Spanish name: refused at their fields, nothing added
        MockHttpServletResponse again = addMetric(planner(), code.toLowerCase(), "");
        assertThat(again.getStatus()).isEqualTo(422);
        assertThat(again.getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"code-error\"")
                .contains("The district already has a metric with this code.")
                .contains("id=\"nameEs-error\"");

        assertThat(csv("metric,school,group,school_year,grade,value,n\n"
                                + code + ",,ALL,2024-25,,80,5000\n"
                                + code + ",,ECON,2024-25,,70,2000\n"
                                + code + ",,ALL,2040-41,,90,5000\n")
                        .getStatus())
                .isEqualTo(200);
        UUID metric = fixtures.jdbc()
                .sql("select id from cna_metric where district_id = ? and code = ?")
                .params(fixtures.demoDistrict(), code)
                .query(UUID.class)
                .single();

        // a currency KPI does not fit a percent metric
        MockHttpServletResponse money = mvc.perform(post("/needs/metrics/" + metric + "/kpi")
                        .param("kpi", kpi("CURRENCY").toString())
                        .param("version", "0")
                        .param("lang", "en")
                        .with(user(planner()))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(money.getStatus()).isEqualTo(422);
        assertThat(money.getContentAsString(StandardCharsets.UTF_8))
                .contains("This KPI is not measured in the metric’s unit, so the metric cannot feed it.");

        UUID kpi = kpi("PERCENT");
        MvcResult linked = mvc.perform(post("/needs/metrics/" + metric + "/kpi")
                        .param("kpi", kpi.toString())
                        .param("version", "0")
                        .with(user(planner()))
                        .with(csrf()))
                .andReturn();
        assertThat(linked.getResponse().getRedirectedUrl()).isEqualTo("/needs/metrics");
        MetricCatalog.Fed fed = (MetricCatalog.Fed) linked.getFlashMap().get("fed");
        // the KPI is not by group: the district's all-students value of 2024-25; 2040-41 is past what it takes
        assertThat(fed.recorded()).isEqualTo(1);
        assertThat(fed.refusedYears()).containsExactly("2040-41");
        assertThat(recorded(kpi, 2024)).isEqualByComparingTo("80");

        // a later import of the metric records into the KPI too, and says so
        MockHttpServletResponse later =
                csv("metric,school,group,school_year,grade,value,n\n" + code + ",,ALL,2025-26,,82.5,5100\n");
        assertThat(later.getContentAsString(StandardCharsets.UTF_8)).contains("Recorded 2 values into the KPI");
        assertThat(recorded(kpi, 2025)).isEqualByComparingTo("82.5");
    }

    @Test
    void aSchoolLeaderReadsTheMetricsButAddsNone() throws Exception {
        SignedInUser principal = fixtures.user("principal@lakeview.example");
        MockHttpServletResponse page = mvc.perform(
                        get("/needs/metrics").param("lang", "es").with(user(principal)))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8))
                .contains("Indicadores de la evaluación de necesidades")
                .doesNotContain("data-test=\"metric-form\"");
        assertThat(addMetric(principal, "NOT_ALLOWED", "No").getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/needs/metrics").with(user(fixtures.user("teacher@lakeview.example"))))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void aSchoolLeaderSeesTheirSchoolsDataOnly() throws Exception {
        SignedInUser principal = fixtures.user("principal@lakeview.example");
        UUID chronic = fixtures.jdbc()
                .sql("select id from cna_metric where district_id = ? and code = 'CHRONIC_ABSENTEEISM'")
                .param(fixtures.demoDistrict())
                .query(UUID.class)
                .single();
        MockHttpServletResponse page = mvc.perform(get("/needs/data")
                        .param("metric", chronic.toString())
                        .param("year", "2025")
                        .param("lang", "es")
                        .with(user(principal)))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8))
                .contains("Ausentismo crónico")
                .contains("data-school=\"Cedar Elementary\"")
                .doesNotContain("data-school=\"Maple Elementary\"")
                .doesNotContain("data-school=\"Lakeview Unified School District\"")
                .contains("Datos de muestra");
        assertThat(mvc.perform(get("/needs/data/import").with(user(principal)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }
}
