package org.lodestar.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.lodestar.support.ReviewPlans;
import org.lodestar.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A planner starts the quarterly review of an improvement plan, prepared from live data, saves it as a draft and signs
 * it off; the quarter's values are then locked: refused for a planner by the form, the import and the API, taken from
 * an admin only with a reason, which the history keeps. Stale saves, rights and other districts are refused.
 */
@LodestarTest
class QuarterlyReviewTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReviewPlans plans;

    @Autowired
    ExecutionApi execution;

    @Autowired
    TestClock clock;

    private SignedInUser planner;
    private SignedInUser admin;

    @BeforeEach
    void inTheSecondQuarterOf2026() {
        planner = fixtures.user("planner@lakeview.example");
        admin = fixtures.user("admin@lakeview.example");
        // the demo district's school year starts in July: Q1 and Q2 of 2026-27 have begun, Q3 has not
        clock.set(Instant.parse("2026-10-15T12:00:00Z"));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, SignedInUser as) throws Exception {
        return mvc.perform(request.with(user(as)).with(csrf())).andReturn().getResponse();
    }

    private UUID start(ReviewPlans.Made made, int quarter) throws Exception {
        MockHttpServletResponse started = send(
                post("/improvement-plans/" + made.plan() + "/quarterly-reviews").param("quarter", "" + quarter),
                planner);
        assertThat(started.getStatus()).isEqualTo(302);
        return UUID.fromString(started.getRedirectedUrl().replace("/quarterly-reviews/", ""));
    }

    @Test
    void aReviewMeetingIsDatedInItsQuarterOrJustAfterAndGoesIntoTheCalendarsOfThoseWhoseWorkItReviews()
            throws Exception {
        ReviewPlans.Made made = plans.make("Meeting");
        SignedInUser teacher = fixtures.user("teacher@lakeview.example");
        execution.addProject(planner, made.actionIdle(), "Book the summer camp", teacher.userId());
        UUID review = start(made, 1);

        // Q1 is July to September 2026: its meeting falls by the end of November
        MockHttpServletResponse late = send(
                post("/quarterly-reviews/" + review + "/meeting")
                        .param("meetingOn", "2027-03-01")
                        .param("version", "0"),
                planner);
        assertThat(late.getStatus()).isEqualTo(422);
        assertThat(late.getContentAsString(StandardCharsets.UTF_8)).contains("The meeting falls from");
        MockHttpServletResponse saved = send(
                post("/quarterly-reviews/" + review + "/meeting")
                        .param("meetingOn", "2026-10-20")
                        .param("version", "0"),
                planner);
        assertThat(saved.getRedirectedUrl()).isEqualTo("/quarterly-reviews/" + review + "?meetingSaved");
        assertThat(send(
                                post("/quarterly-reviews/" + review + "/meeting")
                                        .param("meetingOn", "2026-10-21")
                                        .param("version", "0"),
                                planner)
                        .getStatus())
                .isEqualTo(409);
        assertThat(send(
                                post("/quarterly-reviews/" + review + "/meeting")
                                        .param("meetingOn", "2026-10-21")
                                        .param("version", "1"),
                                teacher)
                        .getStatus())
                .isEqualTo(403);

        String event = "SUMMARY:Quarterly review Q1: Meeting 2026-27";
        assertThat(feed(teacher)).contains(event, "DTSTART;VALUE=DATE:20261020");
        assertThat(feed(admin)).doesNotContain(event); // owns nothing the review covers
    }

    /** The person's calendar feed, unfolded, read without signing in. */
    private String feed(SignedInUser who) throws Exception {
        String url =
                (String) mvc.perform(post("/account/calendar").with(user(who)).with(csrf()))
                        .andReturn()
                        .getFlashMap()
                        .get("feedUrl");
        return mvc.perform(get(url.replace("http://localhost", "")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8)
                .replace("\r\n ", "");
    }

    private Map<UUID, ReviewRow> rows(UUID review) {
        return execution.quarterlyReviewRows(planner, review).stream()
                .collect(Collectors.toMap(ReviewRow::itemId, row -> row));
    }

    /** Every row decided (keep), then signed off. */
    private MockHttpServletResponse signOff(UUID review, String version) throws Exception {
        MockHttpServletRequestBuilder form =
                post("/quarterly-reviews/" + review).param("version", version).param("signOff", "true");
        for (ReviewRow row : execution.quarterlyReviewRows(planner, review)) {
            form.param("adjustment-" + row.id(), "KEEP");
        }
        return send(form, planner);
    }

    private int values(UUID kpi, int period) {
        return fixtures.jdbc()
                .sql("select count(*) from measurement where kpi_id = ? and period = ?")
                .params(kpi, period)
                .query(Integer.class)
                .single();
    }

    private MockHttpServletRequestBuilder record(UUID kpi, UUID school, int period, String reason) {
        MockHttpServletRequestBuilder form = post("/kpis/" + kpi + "/measurements")
                .param("schoolYear", "2026-27")
                .param("period", "" + period)
                .param("schoolId", school.toString())
                .param("groupCode", "ALL")
                .param("value", "74");
        return reason == null ? form : form.param("lockReason", reason);
    }

    @Test
    void theReviewIsPreparedFromLiveDataGoalThenKpisThenActions() throws Exception {
        ReviewPlans.Made made = plans.make("Prepared");
        UUID review = start(made, 1);

        List<ReviewRow> ordered = execution.quarterlyReviewRows(planner, review);
        assertThat(ordered)
                .extracting(ReviewRow::tier)
                .containsExactly("GOAL", "KPI", "KPI", "ACTION", "ACTION", "ACTION");
        Map<UUID, ReviewRow> rows = rows(review);
        assertThat(rows.get(made.goal()).status()).isEqualTo("AT_RISK");
        assertThat(rows.get(made.kpiMet()).status()).isEqualTo("ON_TRACK");
        assertThat(rows.get(made.kpiShort()).status()).isEqualTo("AT_RISK");
        assertThat(rows.get(made.actionDone()).status()).isEqualTo("DONE");
        assertThat(rows.get(made.actionBlocked()).status()).isEqualTo("BLOCKED");
        assertThat(rows.get(made.actionIdle()).status()).isEqualTo("NO_DATA");

        String page = send(get("/quarterly-reviews/" + review), planner).getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("Review of Q1 2026-27", "1 of 2 KPIs on track", "72% (2026-27); target 70%")
                .contains("1 of 1 projects done", "0 of 1 projects done", "Draft: 0 of 6");
        // starting the same quarter again opens the review already started
        assertThat(start(made, 1)).isEqualTo(review);
    }

    @Test
    void aQuarterThatHasNotBegunCannotBeReviewed() throws Exception {
        ReviewPlans.Made made = plans.make("Too early");
        MockHttpServletResponse refused = send(
                post("/improvement-plans/" + made.plan() + "/quarterly-reviews").param("quarter", "3"), planner);
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("Q3 begins on 2027-01-01");
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from quarterly_review where plan_id = ?")
                        .param(made.plan())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aDraftIsSavedAndSigningOffNeedsEveryRowDecided() throws Exception {
        ReviewPlans.Made made = plans.make("Draft");
        UUID review = start(made, 1);
        Map<UUID, ReviewRow> rows = rows(review);
        UUID goalRow = rows.get(made.goal()).id();

        MockHttpServletResponse saved = send(
                post("/quarterly-reviews/" + review)
                        .param("version", "0")
                        .param("adjustment-" + goalRow, "CHANGE")
                        .param("note-" + goalRow, "Attendance lags: add a morning check-in."),
                planner);
        assertThat(saved.getStatus()).isEqualTo(302);
        String page = send(get("/quarterly-reviews/" + review), planner).getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Attendance lags: add a morning check-in.", "Draft: 1 of 6");

        MockHttpServletResponse early =
                send(post("/quarterly-reviews/" + review).param("version", "1").param("signOff", "true"), planner);
        assertThat(early.getStatus()).isEqualTo(422);
        assertThat(early.getContentAsString(StandardCharsets.UTF_8)).contains("5 items have no adjustment decided yet");
        assertThat(signedOff(review)).isFalse();
        assertThat(execution.quarterlyReviewRows(planner, review)).hasSize(6);
        assertThat(locks(made.kpiMet())).isZero();
    }

    private boolean signedOff(UUID review) {
        return fixtures.jdbc()
                .sql("select signed_off_at is not null from quarterly_review where id = ?")
                .param(review)
                .query(Boolean.class)
                .single();
    }

    private int locks(UUID kpi) {
        return fixtures.jdbc()
                .sql("select count(*) from measurement_lock where kpi_id = ?")
                .param(kpi)
                .query(Integer.class)
                .single();
    }

    @Test
    void aStaleSaveIsRefusedWithBothVersionsAndTheFirstKept() throws Exception {
        ReviewPlans.Made made = plans.make("Stale");
        UUID review = start(made, 2);
        UUID kpiRow = rows(review).get(made.kpiShort()).id();

        assertThat(send(
                                post("/quarterly-reviews/" + review)
                                        .param("version", "0")
                                        .param("adjustment-" + kpiRow, "KEEP")
                                        .param("note-" + kpiRow, "Admin: hold steady"),
                                admin)
                        .getStatus())
                .isEqualTo(302);
        MockHttpServletResponse second = send(
                post("/quarterly-reviews/" + review)
                        .param("version", "0")
                        .param("adjustment-" + kpiRow, "STOP")
                        .param("note-" + kpiRow, "Planner: drop it"),
                planner);

        assertThat(second.getStatus()).isEqualTo(409);
        assertThat(second.getContentAsString(StandardCharsets.UTF_8))
                .contains("data-test=\"edit-conflict\"", "Keep – Admin: hold steady", "Stop – Planner: drop it")
                .contains("name=\"version\" value=\"1\"");
        assertThat(fixtures.jdbc()
                        .sql("select note from quarterly_review_item where id = ?")
                        .param(kpiRow)
                        .query(String.class)
                        .single())
                .isEqualTo("Admin: hold steady");
    }

    @Test
    void signingOffLocksTheQuarterForPlannersInTheFormTheImportAndTheApi() throws Exception {
        ReviewPlans.Made made = plans.make("Locked");
        UUID review = start(made, 1);
        assertThat(signOff(review, "0").getStatus()).isEqualTo(302);
        assertThat(signedOff(review)).isTrue();
        assertThat(locks(made.kpiMet())).isEqualTo(1);
        String page = send(get("/quarterly-reviews/" + review), planner).getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("data-test=\"signed-off\"", "Q1 2026-27 is locked")
                .doesNotContain("name=\"signOff\"");
        // a signed-off review is frozen
        assertThat(signOff(review, "1").getStatus()).isEqualTo(409);

        MockHttpServletResponse form = send(record(made.kpiMet(), made.school(), 1, null), planner);
        assertThat(form.getContentAsString(StandardCharsets.UTF_8))
                .contains("Q1 2026-27 is locked: its quarterly review was signed off");
        MockHttpServletResponse imported = mvc.perform(multipart("/measurements/import")
                        .file(new MockMultipartFile(
                                "file",
                                "values.csv",
                                "text/csv",
                                ("kpi,school_year,period,school,value\n" + made.kpiMet()
                                                + ",2026-27,2,Maple Elementary,70\n" + made.kpiMet()
                                                + ",2026-27,1,Maple Elementary,71\n")
                                        .getBytes(StandardCharsets.UTF_8)))
                        .with(user(planner))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(imported.getContentAsString(StandardCharsets.UTF_8))
                .contains("data-test=\"import-errors\"", "Q1 2026-27 is locked")
                .doesNotContain("data-test=\"import-ok\"");
        MockHttpServletResponse api = send(
                post("/api/v1/kpis/" + made.kpiMet() + "/measurements")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"schoolYear\":\"2026-27\",\"period\":1,\"schoolId\":\"" + made.school()
                                + "\",\"value\":74}]"),
                planner);
        assertThat(api.getStatus()).isEqualTo(422);
        assertThat(api.getContentAsString()).contains("Q1 2026-27 is locked");
        assertThat(values(made.kpiMet(), 1)).isZero();
        assertThat(values(made.kpiMet(), 2)).isZero();
        // the second quarter and the whole year are still open
        assertThat(send(record(made.kpiMet(), made.school(), 4, null), planner).getStatus())
                .isEqualTo(302);
        assertThat(values(made.kpiMet(), 4)).isEqualTo(1);

        String locks = send(get("/kpis/" + made.kpiMet() + "/locks"), fixtures.user("board@lakeview.example"))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(locks)
                .contains(
                        "Q1 2026-27 (Jul 1, 2026 to Sep 30, 2026): locked on Oct 15, 2026 by planner@lakeview.example");
    }

    @Test
    void anAdminChangesALockedQuarterOnlyWithAReasonWhichTheHistoryKeeps() throws Exception {
        ReviewPlans.Made made = plans.make("Admin");
        UUID review = start(made, 1);
        assertThat(signOff(review, "0").getStatus()).isEqualTo(302);

        MockHttpServletResponse without = send(record(made.kpiMet(), made.school(), 1, " "), admin);
        assertThat(without.getContentAsString(StandardCharsets.UTF_8))
                .contains("Q1 2026-27 is locked: give the reason for changing its values.");
        MockHttpServletResponse api = send(
                post("/api/v1/kpis/" + made.kpiMet() + "/measurements")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"schoolYear\":\"2026-27\",\"period\":1,\"schoolId\":\"" + made.school()
                                + "\",\"value\":74}]"),
                admin);
        assertThat(api.getStatus()).isEqualTo(422);
        assertThat(api.getContentAsString()).contains("lockReason");
        assertThat(values(made.kpiMet(), 1)).isZero();

        MockHttpServletResponse with =
                send(record(made.kpiMet(), made.school(), 1, "The state corrected its September file"), admin);
        assertThat(with.getStatus()).isEqualTo(302);
        assertThat(values(made.kpiMet(), 1)).isEqualTo(1);
        String audited = fixtures.jdbc()
                .sql("""
                        select after_state::text from audit_event
                         where entity_type = 'Measurement' and entity_id = ? and actor = 'admin@lakeview.example'""")
                .param(made.kpiMet())
                .query(String.class)
                .single();
        assertThat(audited).contains("history.field.lockReason", "The state corrected its September file");
    }

    @Test
    void teachersAndViewersCannotReviewAndAnotherDistrictSeesNothing() throws Exception {
        ReviewPlans.Made made = plans.make("Rights");
        UUID review = start(made, 1);
        for (String email : List.of("teacher@lakeview.example", "board@lakeview.example")) {
            SignedInUser who = fixtures.user(email);
            assertThat(send(
                                    post("/improvement-plans/" + made.plan() + "/quarterly-reviews")
                                            .param("quarter", "2"),
                                    who)
                            .getStatus())
                    .as(email)
                    .isEqualTo(403);
            assertThat(send(post("/quarterly-reviews/" + review).param("version", "0"), who)
                            .getStatus())
                    .as(email)
                    .isEqualTo(403);
            // reading is everyone's in the district, without the form
            String page = send(get("/quarterly-reviews/" + review), who).getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("Review of Q1 2026-27").doesNotContain("data-test=\"adjustment\"");
        }
        SignedInUser outsider = fixtures.otherDistrictUser("DISTRICT_ADMIN");
        assertThat(send(get("/quarterly-reviews/" + review), outsider).getStatus())
                .isEqualTo(404);
        assertThat(send(get("/improvement-plans/" + made.plan() + "/quarterly-reviews"), outsider)
                        .getStatus())
                .isEqualTo(404);
        assertThat(send(
                                post("/quarterly-reviews/" + review)
                                        .param("version", "0")
                                        .param("signOff", "true"),
                                outsider)
                        .getStatus())
                .isEqualTo(404);
        assertThat(signedOff(review)).isFalse();
    }
}
