package org.lodestar.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** A school plan's KPI takes values for that school only, from people who may record there. */
@LodestarTest
class RecordingRightsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    private UUID cedarPlanKpi() {
        return fixtures.newKpi(fixtures.cedarOutcome(), "Cedar attendance", 90);
    }

    private int values(UUID kpi) {
        return fixtures.jdbc()
                .sql("select count(*) from measurement where kpi_id = ?")
                .param(kpi)
                .query(Integer.class)
                .single();
    }

    @Test
    void aContributorAtAnotherSchoolCannotRecordIntoCedarsPlan() throws Exception {
        UUID kpi = cedarPlanKpi();
        UUID pine = fixtures.any("select id from school where district_id = ? and name <> 'Cedar Elementary'");
        SignedInUser elsewhere = fixtures.demoUser("contributor-elsewhere@lakeview.example", "CONTRIBUTOR", pine);

        int form = mvc.perform(post("/kpis/" + kpi + "/measurements")
                        .param("schoolYear", "2025-26")
                        .param("period", "0")
                        .param("schoolId", pine.toString())
                        .param("groupCode", "ALL")
                        .param("value", "93")
                        .param("n", "400")
                        .with(user(elsewhere))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(form).isEqualTo(403);

        var api = mvc.perform(post("/api/v1/kpis/" + kpi + "/measurements")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"schoolYear\":\"2025-26\",\"schoolId\":\"" + pine + "\",\"value\":93,\"n\":400}]")
                        .with(user(elsewhere)))
                .andReturn()
                .getResponse();
        assertThat(api.getStatus()).isEqualTo(422);
        assertThat(api.getContentAsString()).contains("schoolId");
        assertThat(values(kpi)).isZero();
    }

    @Test
    void theRecordingFormOffersOnlyWhereThePersonMayRecord() throws Exception {
        UUID kpi = fixtures.any("""
                select k.id from kpi k join outcome o on o.district_id = k.district_id and o.id = k.outcome_id
                join goal g on g.district_id = o.district_id and g.id = o.goal_id
                join plan p on p.district_id = g.district_id and p.id = g.plan_id
                where k.district_id = ? and p.school_id is null and k.archived_at is null""");
        UUID cedar = fixtures.any("select id from school where district_id = ? and name = 'Cedar Elementary'");
        String page = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/kpis/" + kpi)
                                .with(user(fixtures.user("teacher@lakeview.example"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String form = page.substring(page.indexOf("name=\"schoolId\""));
        form = form.substring(0, form.indexOf("</select>"));
        assertThat(form).contains("value=\"" + cedar + "\"");
        assertThat(form.split("<option").length - 1)
                .as("Cedar only, no district, no other school")
                .isEqualTo(1);
    }

    @Test
    void cedarsContributorRecordsCedarsValues() throws Exception {
        UUID kpi = cedarPlanKpi();
        SignedInUser teacher = fixtures.user("teacher@lakeview.example");
        UUID cedar = fixtures.any("select id from school where district_id = ? and name = 'Cedar Elementary'");
        var result = mvc.perform(post("/kpis/" + kpi + "/measurements")
                        .param("schoolYear", "2025-26")
                        .param("period", "0")
                        .param("schoolId", cedar.toString())
                        .param("groupCode", "ALL")
                        .param("value", "93")
                        .param("n", "400")
                        .with(user(teacher))
                        .with(csrf()))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(values(kpi)).isEqualTo(1);
        assertThat(result.getFlashMap().get("recorded")).isEqualTo("2025-26");
        // the page the teacher comes back to says what was saved
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                result.getResponse().getRedirectedUrl())
                        .flashAttr("recorded", "2025-26")
                        .with(user(teacher)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("data-test=\"recorded\"").contains("Value for 2025-26 recorded.");
    }
}
