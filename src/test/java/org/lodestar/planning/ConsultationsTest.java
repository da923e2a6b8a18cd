package org.lodestar.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.domain.Consultations;
import org.lodestar.planning.domain.ImprovementPlans;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The stakeholders consulted on a plan: recorded and removed by who may edit it, refused when incomplete, audited. */
@LodestarTest
class ConsultationsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ImprovementPlans improvementPlans;

    @Autowired
    Consultations consultations;

    private MockHttpServletResponse send(SignedInUser who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
    }

    private UUID cedarPlan() {
        return improvementPlans.ofYear(fixtures.demoDistrict(), 2025).stream()
                .filter(plan -> plan.title().equals("Cedar Elementary Improvement Plan 2025-26"))
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void aPrincipalRecordsAConsultationAndRemovesItAndBothAreInThePlansHistory() throws Exception {
        SignedInUser principal = fixtures.user("principal@lakeview.example");
        UUID plan = cedarPlan();
        int before = consultations.of(fixtures.demoDistrict(), plan).size();

        MockHttpServletResponse recorded = send(
                principal,
                post("/plans/" + plan + "/consultations")
                        .param("heldOn", "2025-10-02")
                        .param("audiences", "STUDENTS", "FAMILIES")
                        .param("participants", "31")
                        .param("summary", "Student council and parents on the attendance plan"));
        assertThat(recorded.getStatus()).isEqualTo(302);
        Consultation made = consultations.of(fixtures.demoDistrict(), plan).stream()
                .filter(c -> c.summary().equals("Student council and parents on the attendance plan"))
                .findFirst()
                .orElseThrow();
        assertThat(made.heldOn()).isEqualTo(LocalDate.of(2025, 10, 2));
        assertThat(made.audiences()).containsExactly(Consultation.Audience.STUDENTS, Consultation.Audience.FAMILIES);
        assertThat(made.participants()).isEqualTo(31);
        assertThat(made.recordedBy()).isEqualTo("principal@lakeview.example");

        String page = send(fixtures.user("board@lakeview.example"), get("/plans/" + plan + "/consultations"))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page.replaceAll("<[^>]+>", ""))
                .contains("Student council and parents on the attendance plan", "Students, Parents and families");
        assertThat(page).doesNotContain("data-test=\"add-consultation\"");

        assertThat(send(principal, post("/plans/" + plan + "/consultations/" + made.id() + "/delete"))
                        .getStatus())
                .isEqualTo(302);
        assertThat(consultations.of(fixtures.demoDistrict(), plan)).hasSize(before);
        assertThat(fixtures.jdbc()
                        .sql(
                                "select count(*) from audit_event where entity_id = ? and concat(before_state::text, after_state::text) like ?")
                        .params(plan, "%consultation.field%")
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void anIncompleteConsultationIsRefusedAtItsFieldsAndAViewerRecordsNothing() throws Exception {
        SignedInUser principal = fixtures.user("principal@lakeview.example");
        UUID plan = cedarPlan();
        int before = consultations.of(fixtures.demoDistrict(), plan).size();

        MockHttpServletResponse incomplete = send(
                principal,
                post("/plans/" + plan + "/consultations")
                        .param("participants", "-3")
                        .param("summary", " "));
        assertThat(incomplete.getStatus()).isEqualTo(422);
        assertThat(incomplete.getContentAsString(StandardCharsets.UTF_8))
                .contains(
                        "id=\"heldOn-error\"",
                        "id=\"audiences-error\"",
                        "id=\"participants-error\"",
                        "id=\"summary-error\"");

        MockHttpServletResponse absurdDate = send(
                principal,
                post("/plans/" + plan + "/consultations")
                        .param("heldOn", "2205-10-02")
                        .param("audiences", "FAMILIES")
                        .param("summary", "A year typed wrong"));
        assertThat(absurdDate.getStatus()).isEqualTo(422);
        assertThat(absurdDate.getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"heldOn-error\"", "Give a date from 1990 to a year from today.");

        MockHttpServletResponse byViewer = send(
                fixtures.user("board@lakeview.example"),
                post("/plans/" + plan + "/consultations")
                        .param("heldOn", "2025-10-02")
                        .param("audiences", "STUDENTS")
                        .param("summary", "Not mine to record"));
        assertThat(byViewer.getStatus()).isEqualTo(403);
        assertThat(consultations.of(fixtures.demoDistrict(), plan)).hasSize(before);
    }
}
