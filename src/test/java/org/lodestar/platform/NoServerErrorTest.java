package org.lodestar.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Forms and API calls that a probe turned into blank server errors: each now gets a message next to the field, or a
 * JSON problem, and nothing is saved.
 */
@LodestarTest
class NoServerErrorTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    /** A KPI of Cedar Elementary's own plan, which its principal may edit. */
    private UUID cedarKpi() {
        return fixtures.newKpi(fixtures.cedarOutcome(), "Cedar reading", 50);
    }

    private UUID districtKpi() {
        return fixtures.any("""
                select k.id from kpi k join outcome o on o.district_id = k.district_id and o.id = k.outcome_id
                join goal g on g.district_id = o.district_id and g.id = o.goal_id
                join plan p on p.district_id = g.district_id and p.id = g.plan_id
                where k.district_id = ? and p.school_id is null and k.archived_at is null""");
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, SignedInUser as) throws Exception {
        return mvc.perform(request.with(user(as)).with(csrf())).andReturn().getResponse();
    }

    private MockHttpServletRequestBuilder kpiForm(UUID kpi, String baseline, String baselineYear) {
        return post("/kpis/" + kpi)
                .param("version", fixtures.version("kpi", kpi))
                .param("name", "Reading at grade level")
                .param("unit", "PERCENT")
                .param("direction", "HIGHER_IS_BETTER")
                .param("baselineValue", baseline)
                .param("baselineYear", baselineYear)
                .param("frequency", "ANNUAL")
                .param("targets[0].year", "2027")
                .param("targets[0].value", "80");
    }

    @Test
    void aSchoolLeaderSavesTheirOwnSchoolsKpiWithoutThePublishedBox() throws Exception {
        UUID kpi = cedarKpi();
        var response = send(kpiForm(kpi, "61.5", "2024"), fixtures.user("principal@lakeview.example"));
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(fixtures.jdbc()
                        .sql("select baseline_value from kpi where id = ?")
                        .param(kpi)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("61.5");
    }

    @Test
    void numbersTooLargeOrNotNumbersInTheKpiFormAreMarkedAtTheirField() throws Exception {
        SignedInUser planner = fixtures.user("planner@lakeview.example");
        UUID kpi = districtKpi();
        var tooLarge = send(kpiForm(kpi, "1e20", "2024"), planner);
        assertThat(tooLarge.getStatus()).isEqualTo(200);
        assertThat(tooLarge.getContentAsString()).contains("id=\"baselineValue-error\"");
        var text = send(kpiForm(kpi, "sixty", "twenty"), planner);
        assertThat(text.getStatus()).isEqualTo(200);
        assertThat(text.getContentAsString())
                .contains("id=\"baselineValue-error\"")
                .contains("id=\"baselineYear-error\"");
        var hugeYear = send(kpiForm(kpi, "60", "99999999999"), planner);
        assertThat(hugeYear.getStatus()).isEqualTo(200);
        assertThat(hugeYear.getContentAsString()).contains("id=\"baselineYear-error\"");
    }

    @Test
    void numbersTooLargeOrNotNumbersInThePlanFormAreMarkedAtTheirField() throws Exception {
        int plans = fixtures.count("plan");
        var response = send(
                post("/plans")
                        .param("kind", "STRATEGIC")
                        .param("title", "Too far ahead")
                        .param("firstYear", "99999999999")
                        .param("lastYear", "soon")
                        .param("status", "DRAFT"),
                fixtures.user("planner@lakeview.example"));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString())
                .contains("id=\"firstYear-error\"")
                .contains("id=\"lastYear-error\"");
        assertThat(fixtures.count("plan")).isEqualTo(plans);
    }

    @Test
    void numbersTooLargeOrNotNumbersInTheSchoolFormAreMarkedAtTheirField() throws Exception {
        int schools = fixtures.count("school");
        var response = send(
                post("/admin/schools")
                        .param("name", "Huge School")
                        .param("level", "ELEMENTARY")
                        .param("lowestGrade", "K")
                        .param("highestGrade", "5")
                        .param("capacity", "99999999999"),
                fixtures.user("admin@lakeview.example"));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("id=\"capacity-error\"");
        var text = send(
                post("/admin/schools")
                        .param("name", "Huge School")
                        .param("level", "ELEMENTARY")
                        .param("lowestGrade", "K")
                        .param("highestGrade", "5")
                        .param("capacity", "lots"),
                fixtures.user("admin@lakeview.example"));
        assertThat(text.getContentAsString()).contains("id=\"capacity-error\"");
        assertThat(fixtures.count("school")).isEqualTo(schools);
    }

    @Test
    void anApiValueTooLargeIsAJsonProblemNotAnHtmlPage() throws Exception {
        UUID kpi = districtKpi();
        var response = send(
                post("/api/v1/kpis/" + kpi + "/measurements")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"schoolYear\":\"2025-26\",\"value\":1e20,\"n\":100}]"),
                fixtures.user("planner@lakeview.example"));
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString())
                .contains("\"status\":422")
                .contains("\"field\":\"value\"")
                .doesNotContain("<html");
    }

    @Test
    void malformedApiJsonIsAJsonProblem() throws Exception {
        var response = send(
                post("/api/v1/kpis/" + districtKpi() + "/measurements")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"schoolYear\":"),
                fixtures.user("planner@lakeview.example"));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
    }

    @Test
    void anApiCallForAnUnknownKpiIsAJsonProblem() throws Exception {
        var response = send(
                post("/api/v1/kpis/" + UUID.randomUUID() + "/measurements")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[]"),
                fixtures.user("planner@lakeview.example"));
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentType()).startsWith("application/problem+json");
    }
}
