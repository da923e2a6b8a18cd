package org.lodestar.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.domain.ApiTokenStore;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Nothing saved is lost unseen: two people editing one KPI (the second is refused with both versions shown), a value
 * recorded over another (the form asks first, naming who recorded it), and the API (a value is replaced only by a
 * call that names its version or says replace=true).
 */
@LodestarTest
class NoLostValuesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiTokenStore tokens;

    private SignedInUser principal() {
        return fixtures.user("principal@lakeview.example");
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, SignedInUser as) throws Exception {
        return mvc.perform(request.param("lang", "en").with(user(as)).with(csrf()))
                .andReturn()
                .getResponse();
    }

    private static MockHttpServletRequestBuilder kpiForm(UUID kpi, String name, String version) {
        return post("/kpis/" + kpi)
                .param("name", name)
                .param("unit", "PERCENT")
                .param("direction", "HIGHER_IS_BETTER")
                .param("baselineValue", "50")
                .param("baselineYear", "2024")
                .param("frequency", "ANNUAL")
                .param("targets[0].year", "2027")
                .param("targets[0].value", "60")
                .param("version", version);
    }

    private String kpiName(UUID kpi) {
        return fixtures.jdbc()
                .sql("select name from kpi where id = ?")
                .param(kpi)
                .query(String.class)
                .single();
    }

    @Test
    void theSecondEditOfAKpiIsRefusedAndShowsWhatDiffers() throws Exception {
        UUID kpi = fixtures.newKpi(fixtures.cedarOutcome(), "Cedar attendance", 50);
        String opened = fixtures.version("kpi", kpi);

        assertThat(send(kpiForm(kpi, "Cedar attendance (Ana)", opened), principal())
                        .getStatus())
                .isEqualTo(302);
        MockHttpServletResponse second = send(kpiForm(kpi, "Cedar attendance (Ben)", opened), principal());

        assertThat(second.getStatus()).isEqualTo(409);
        String page = second.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-test=\"edit-conflict\"", "Cedar attendance (Ana)", "Cedar attendance (Ben)");
        assertThat(kpiName(kpi)).isEqualTo("Cedar attendance (Ana)");

        // a form that names no version read none: it cannot overwrite either
        assertThat(send(kpiForm(kpi, "Cedar attendance (Cy)", ""), principal()).getStatus())
                .isEqualTo(409);
        String current = fixtures.version("kpi", kpi);
        assertThat(send(kpiForm(kpi, "Cedar attendance (Ben)", current), principal())
                        .getStatus())
                .isEqualTo(302);
        assertThat(kpiName(kpi)).isEqualTo("Cedar attendance (Ben)");
    }

    private static MockHttpServletRequestBuilder value(UUID kpi, UUID school, String value, String replaces) {
        return post("/kpis/" + kpi + "/measurements")
                .param("schoolYear", "2025-26")
                .param("period", "0")
                .param("groupCode", "ALL")
                .param("schoolId", school.toString())
                .param("value", value)
                .param("n", "")
                .param("replaces", replaces);
    }

    private BigDecimal recorded(UUID kpi) {
        return fixtures.jdbc()
                .sql("select value from measurement where kpi_id = ? and school_year = 2025 and school_id is null")
                .param(kpi)
                .query(BigDecimal.class)
                .single();
    }

    @Test
    void recordingOverAValueAsksFirstAndKeepsTheOldOneInTheHistory() throws Exception {
        UUID kpi = fixtures.newKpi(fixtures.cedarOutcome(), "Cedar family nights", 50, false);
        SignedInUser principal = principal();
        // a school plan's KPI takes values for its school only: record for Cedar
        UUID cedar = fixtures.any("select id from school where district_id = ? and name = 'Cedar Elementary'");
        var first = value(kpi, cedar, "40", "");
        assertThat(send(first, principal).getStatus()).isEqualTo(302);

        MockHttpServletResponse asked = send(value(kpi, cedar, "45", ""), principal);
        String page = asked.getContentAsString(StandardCharsets.UTF_8);
        assertThat(asked.getStatus()).isEqualTo(200);
        assertThat(page)
                .contains("data-test=\"replace-question\"", "40", "is already recorded", "Replace the recorded value")
                .contains(fixtures.jdbc()
                        .sql("select display_name from app_user where email = 'principal@lakeview.example'"
                                + " and district_id = ?")
                        .param(fixtures.demoDistrict())
                        .query(String.class)
                        .single());
        assertThat(recordedAt(kpi, cedar)).isEqualByComparingTo("40");

        String version = fixtures.jdbc()
                .sql("select version from measurement where kpi_id = ?")
                .param(kpi)
                .query(String.class)
                .single();
        assertThat(page).contains("name=\"replaces\" value=\"" + version + "\"");
        var confirmed = value(kpi, cedar, "45", version);
        assertThat(send(confirmed, principal).getStatus()).isEqualTo(302);
        assertThat(recordedAt(kpi, cedar)).isEqualByComparingTo("45");

        // the replaced value stays in the KPI's history (the audit log), beside the new one
        String history = fixtures.jdbc()
                .sql(
                        "select string_agg(coalesce(before_state::text, '') || ' ' || after_state::text, ' | ') from audit_event where entity_id = ?")
                .param(kpi)
                .query(String.class)
                .single();
        assertThat(history).contains("\"value\": \"40\"").contains("\"value\": \"45\"");

        // the same value again changes nothing and asks nothing
        assertThat(send(value(kpi, cedar, "45", ""), principal).getStatus()).isEqualTo(302);
    }

    private BigDecimal recordedAt(UUID kpi, UUID school) {
        return fixtures.jdbc()
                .sql("select value from measurement where kpi_id = ? and school_id = ?")
                .params(kpi, school)
                .query(BigDecimal.class)
                .single();
    }

    @Test
    void theApiReplacesAValueOnlyWhenItNamesItsVersionOrSaysReplace() throws Exception {
        SignedInUser planner = fixtures.user("planner@lakeview.example");
        String token = tokens.create(planner.districtId(), planner.userId(), "sync");
        UUID outcome = fixtures.any("select o.id from outcome o join goal g on g.id = o.goal_id"
                + " join plan p on p.id = g.plan_id where o.district_id = ? and p.school_id is null");
        UUID kpi = fixtures.newKpi(outcome, "Budget lines reviewed", 10, false);
        String path = "/api/v1/kpis/" + kpi + "/measurements";

        assertThat(api(post(path), token, "[{\"schoolYear\":\"2025-26\",\"value\":12}]")
                        .getStatus())
                .isEqualTo(201);
        MockHttpServletResponse refused = api(post(path), token, "[{\"schoolYear\":\"2025-26\",\"value\":13}]");
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString())
                .contains("\"conflicts\"", "\"index\":0", "\"value\":12", "\"recorded\":0");
        assertThat(recorded(kpi)).isEqualByComparingTo("12");

        String listed = api(get(path), token, null).getContentAsString();
        assertThat(listed).contains("\"version\":0");
        assertThat(api(post(path), token, "[{\"schoolYear\":\"2025-26\",\"value\":13,\"version\":0}]")
                        .getStatus())
                .isEqualTo(201);
        assertThat(recorded(kpi)).isEqualByComparingTo("13");

        // a stale version (someone replaced it since) is refused too
        assertThat(api(post(path), token, "[{\"schoolYear\":\"2025-26\",\"value\":14,\"version\":0}]")
                        .getStatus())
                .isEqualTo(409);
        assertThat(api(post(path + "?replace=true"), token, "[{\"schoolYear\":\"2025-26\",\"value\":14}]")
                        .getStatus())
                .isEqualTo(201);
        assertThat(recorded(kpi)).isEqualByComparingTo("14");
    }

    private MockHttpServletResponse api(MockHttpServletRequestBuilder request, String token, String body)
            throws Exception {
        request.header("Authorization", "Bearer " + token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andReturn().getResponse();
    }
}
