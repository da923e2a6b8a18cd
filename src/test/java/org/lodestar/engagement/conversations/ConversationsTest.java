package org.lodestar.engagement.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.engagement.CommentSource;
import org.lodestar.engagement.domain.OpenComments;
import org.lodestar.needs.domain.CnaStore;
import org.lodestar.planning.ItemContext;
import org.lodestar.planning.PlanningApi;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Staged conversations: who may plan and read them, tenant isolation, refused input (at its field, nothing saved),
 * stale saves, the data pack's suppression in the page and the PDF, and decisions traced to the plan item they became.
 */
@LodestarTest
class ConversationsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CnaStore cna;

    @Autowired
    ConversationStore conversations;

    @Autowired
    OpenComments comments;

    @Autowired
    PlanningApi planning;

    @Autowired
    ConversationContexts contexts;

    private MockHttpServletResponse send(SignedInUser who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
    }

    private SignedInUser planner() {
        return fixtures.user("planner@lakeview.example");
    }

    /** The district assessment of a year, its conversation started; returns its stages. */
    private List<ConversationStore.Session> started(int year) throws Exception {
        ConversationData.Made made =
                ConversationData.assessment(cna, fixtures.jdbc(), fixtures.demoDistrict(), null, year);
        assertThat(send(planner(), post("/needs/assessments/" + made.assessmentId() + "/conversation"))
                        .getStatus())
                .isEqualTo(302);
        UUID conversation = conversations
                .ofAssessment(fixtures.demoDistrict(), made.assessmentId())
                .orElseThrow()
                .id();
        return conversations.sessions(fixtures.demoDistrict(), conversation);
    }

    @Test
    void aPlannerPlansThreeDefaultStagesAddsMovesAndRemovesOneButAnEmptyNameIsRefused() throws Exception {
        ConversationData.Made made =
                ConversationData.assessment(cna, fixtures.jdbc(), fixtures.demoDistrict(), null, 2016);
        String before = send(planner(), get("/needs/assessments/" + made.assessmentId() + "/conversation"))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(before).contains("data-test=\"start-conversation\"");

        List<ConversationStore.Session> stages = started(2016);
        assertThat(stages)
                .extracting(ConversationStore.Session::stage)
                .containsExactly("Present the data", "Talk about ideas", "Decide");
        UUID conversation = stages.get(0).conversationId();

        MockHttpServletResponse empty = send(
                planner(), post("/conversations/" + conversation + "/stages").param("stage", "  "));
        assertThat(empty.getStatus()).isEqualTo(422);
        assertThat(empty.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"stage-error\"");
        assertThat(conversations.sessions(fixtures.demoDistrict(), conversation))
                .hasSize(3);

        assertThat(send(
                                planner(),
                                post("/conversations/" + conversation + "/stages")
                                        .param("stage", "Report back"))
                        .getStatus())
                .isEqualTo(302);
        ConversationStore.Session added =
                conversations.sessions(fixtures.demoDistrict(), conversation).get(3);
        assertThat(added.stage()).isEqualTo("Report back");
        send(
                planner(),
                post("/conversations/sessions/" + added.id() + "/move")
                        .param("by", "-1")
                        .param("version", String.valueOf(added.version())));
        assertThat(conversations.sessions(fixtures.demoDistrict(), conversation))
                .extracting(ConversationStore.Session::stage)
                .containsExactly("Present the data", "Talk about ideas", "Report back", "Decide");
        ConversationStore.Session moved =
                conversations.sessions(fixtures.demoDistrict(), conversation).get(2);
        send(
                planner(),
                post("/conversations/sessions/" + moved.id() + "/delete")
                        .param("version", String.valueOf(moved.version())));
        assertThat(conversations.sessions(fixtures.demoDistrict(), conversation))
                .extracting(ConversationStore.Session::stage)
                .containsExactly("Present the data", "Talk about ideas", "Decide");
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from audit_event where entity_id = ?")
                        .param(added.id())
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aDateOutOfRangeANegativeAttendanceAndAStaleSaveAreRefusedAndNothingIsSaved() throws Exception {
        ConversationStore.Session first = started(2017).get(0);
        String path = "/conversations/sessions/" + first.id();

        MockHttpServletResponse farAway = send(
                planner(),
                post(path)
                        .param("stage", "Present the data")
                        .param("heldAt", "2205-10-02T18:00")
                        .param("version", String.valueOf(first.version())));
        assertThat(farAway.getStatus()).isEqualTo(422);
        assertThat(farAway.getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"heldAt-error\"", "Give a date from 1990");

        MockHttpServletResponse noName =
                send(planner(), post(path).param("stage", "").param("version", String.valueOf(first.version())));
        assertThat(noName.getStatus()).isEqualTo(422);
        assertThat(noName.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"stage-error\"");

        MockHttpServletResponse negative = send(
                planner(),
                post(path + "/attendance").param("families", "-3").param("version", String.valueOf(first.version())));
        assertThat(negative.getStatus()).isEqualTo(422);
        assertThat(negative.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"families-error\"");
        assertThat(conversations.attendance(fixtures.demoDistrict(), first.id()))
                .isEmpty();

        assertThat(send(
                                planner(),
                                post(path)
                                        .param("stage", "Data night")
                                        .param("heldAt", "2025-10-16T18:00")
                                        .param("place", "Library")
                                        .param("areas", "ATTENDANCE_AND_BEHAVIOR")
                                        .param("version", String.valueOf(first.version())))
                        .getStatus())
                .isEqualTo(302);
        MockHttpServletResponse stale = send(
                planner(),
                post(path).param("stage", "Someone else's name").param("version", String.valueOf(first.version())));
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString(StandardCharsets.UTF_8))
                .contains("data-test=\"edit-conflict\"", "Someone else&#39;s name", "Data night");
        ConversationStore.Session saved =
                conversations.session(planner(), first.id()).session();
        assertThat(saved.stage()).isEqualTo("Data night");
        assertThat(saved.heldAt()).isEqualTo(java.time.LocalDateTime.of(2025, 10, 16, 18, 0));
    }

    @Test
    void onlyPlannersAndTheSchoolsLeadersWorkOnAConversationAndAnotherDistrictSeesNothing() throws Exception {
        ConversationStore.Session first = started(2018).get(0);
        ConversationData.Made made =
                ConversationData.assessment(cna, fixtures.jdbc(), fixtures.demoDistrict(), null, 2018);
        String conversation = "/needs/assessments/" + made.assessmentId() + "/conversation";
        String session = "/conversations/sessions/" + first.id();

        for (String email :
                List.of("board@lakeview.example", "teacher@lakeview.example", "principal@lakeview.example")) {
            assertThat(send(fixtures.user(email), get(conversation)).getStatus())
                    .as(email)
                    .isEqualTo(403);
            assertThat(send(fixtures.user(email), get(session)).getStatus())
                    .as(email)
                    .isEqualTo(403);
            assertThat(send(fixtures.user(email), get(session + "/pack")).getStatus())
                    .as(email)
                    .isEqualTo(403);
        }
        assertThat(send(
                                fixtures.user("board@lakeview.example"),
                                post(session + "/attendance").param("families", "3"))
                        .getStatus())
                .isEqualTo(403);
        SignedInUser other = fixtures.otherDistrictUser("PLANNER");
        assertThat(send(other, get(conversation)).getStatus()).isEqualTo(404);
        assertThat(send(other, get(session)).getStatus()).isEqualTo(404);
        assertThat(send(other, get(session + "/pack.pdf")).getStatus()).isEqualTo(404);
        assertThat(send(other, post(session + "/entries").param("kind", "NOTE").param("text", "Not mine"))
                        .getStatus())
                .isEqualTo(404);
        assertThat(conversations.entries(fixtures.demoDistrict(), first.id())).isEmpty();

        // Cedar's principal works on Cedar's own assessment
        ConversationData.Made cedar =
                ConversationData.assessment(cna, fixtures.jdbc(), fixtures.demoDistrict(), made.cedarId(), 2018);
        SignedInUser principal = fixtures.user("principal@lakeview.example");
        assertThat(send(principal, post("/needs/assessments/" + cedar.assessmentId() + "/conversation"))
                        .getStatus())
                .isEqualTo(302);
        assertThat(send(principal, get("/needs/assessments/" + cedar.assessmentId() + "/conversation"))
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("data-test=\"stages\"");
    }

    @Test
    void theDataPackShowsNoSmallGroupInThePageNorThePdfInEitherLanguage() throws Exception {
        ConversationStore.Session first = started(2019).get(0);
        String path = "/conversations/sessions/" + first.id();
        send(
                planner(),
                post(path)
                        .param("stage", "Present the data")
                        .param("areas", "ATTENDANCE_AND_BEHAVIOR")
                        .param("version", String.valueOf(first.version())));

        String page = send(planner(), get(path + "/pack")).getContentAsString(StandardCharsets.UTF_8);
        String text = page.replaceAll("<[^>]+>", " ");
        assertThat(text).contains("Chronic absenteeism 2019", "English learners", "Cedar Elementary", "18%", "+6");
        assertThat(text).doesNotContain(ConversationData.HIDDEN_VALUE);
        assertThat(page).contains("data:image/png;base64,");

        for (String lang : List.of("en", "es")) {
            MockHttpServletResponse pdf =
                    send(planner(), get(path + "/pack.pdf").param("lang", lang));
            assertThat(pdf.getStatus()).isEqualTo(200);
            assertThat(pdf.getContentType()).isEqualTo("application/pdf");
            try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
                String pdfText = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                assertThat(pdfText).doesNotContain(ConversationData.HIDDEN_VALUE);
                assertThat(pdfText).contains(lang.equals("es") ? "Estudiantes de inglés" : "English learners");
                assertThat(pdfText).contains(lang.equals("es") ? "18%" : "18%");
            }
        }
    }

    @Test
    void aCommentHeardIsAnOpenCommentAndADecisionBecomesAnActionThatSaysWhereItCameFrom() throws Exception {
        ConversationStore.Session decide = started(2020).get(2);
        ConversationData.Made made =
                ConversationData.assessment(cna, fixtures.jdbc(), fixtures.demoDistrict(), null, 2020);
        String path = "/conversations/sessions/" + decide.id();

        assertThat(send(
                                planner(),
                                post(path + "/entries")
                                        .param("kind", "COMMENT")
                                        .param("text", "The morning bus comes late")
                                        .param("needIds", made.needIds().get(0).toString())
                                        .param("audience", "FAMILIES"))
                        .getStatus())
                .isEqualTo(302);
        UUID commentId = conversations
                .entries(fixtures.demoDistrict(), decide.id())
                .get(0)
                .commentId();
        assertThat(comments.byIds(fixtures.demoDistrict(), List.of(commentId)))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.text()).isEqualTo("The morning bus comes late");
                    assertThat(c.source()).isEqualTo(CommentSource.SESSION);
                    assertThat(c.sourceId()).isEqualTo(decide.id());
                });
        assertThat(conversations
                        .entries(fixtures.demoDistrict(), decide.id())
                        .get(0)
                        .needIds())
                .containsExactly(made.needIds().get(0));
        MockHttpServletResponse foreignNeed = send(
                planner(),
                post(path + "/entries")
                        .param("kind", "NOTE")
                        .param("text", "Attached to a need elsewhere")
                        .param("needIds", UUID.randomUUID().toString()));
        assertThat(foreignNeed.getStatus()).isEqualTo(422);
        assertThat(foreignNeed.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"needIds-error\"");

        UUID goal = planning.plans(fixtures.demoDistrict()).stream()
                .filter(p -> p.title().equals("Lakeview Unified Improvement Plan 2025-26"))
                .findFirst()
                .map(p -> planning.nodesOfPlan(fixtures.demoDistrict(), p.id())
                        .goals()
                        .get(0)
                        .id())
                .orElseThrow();
        MockHttpServletResponse noGoal = send(
                planner(),
                post(path + "/decisions")
                        .param("decision", "Mentors")
                        .param("decidedBy", "Cabinet")
                        .param("decidedOn", "2026-03-12")
                        .param("outcome", "NEW_ACTION"));
        assertThat(noGoal.getStatus()).isEqualTo(422);
        assertThat(noGoal.getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"goalId-error\"", "id=\"actionTitle-error\"");
        assertThat(conversations.decisions(fixtures.demoDistrict(), decide.id()))
                .isEmpty();

        assertThat(send(
                                planner(),
                                post(path + "/decisions")
                                        .param("decision", "Start attendance mentors")
                                        .param("decidedBy", "The board")
                                        .param("decidedOn", "2026-03-12")
                                        .param("outcome", "NEW_ACTION")
                                        .param("goalId", goal.toString())
                                        .param("actionTitle", "Attendance mentors 2020 test"))
                        .getStatus())
                .isEqualTo(302);
        ConversationStore.Decision decision =
                conversations.decisions(fixtures.demoDistrict(), decide.id()).get(0);
        assertThat(planning.strategy(fixtures.demoDistrict(), decision.itemId())
                        .orElseThrow()
                        .title())
                .isEqualTo("Attendance mentors 2020 test");
        List<ItemContext> came = contexts.about(fixtures.demoDistrict(), List.of(decision.itemId()));
        assertThat(came).singleElement().satisfies(context -> {
            assertThat(context.kind()).isEqualTo(ItemContext.Kind.CONVERSATION);
            assertThat(context.label()).startsWith("Decided at: Decide");
            assertThat(context.href()).isEqualTo(path);
        });
        String action =
                send(planner(), get("/actions/" + decision.itemId())).getContentAsString(StandardCharsets.UTF_8);
        assertThat(action).contains("data-test=\"context-CONVERSATION\"", "Decided at: Decide");
        String session = send(planner(), get(path)).getContentAsString(StandardCharsets.UTF_8);
        assertThat(session).contains("Attendance mentors 2020 test", "/actions/" + decision.itemId());

        // a decision that changes an existing goal says so on the goal's page
        assertThat(send(
                                planner(),
                                post(path + "/decisions")
                                        .param("decision", "Widen the goal to families")
                                        .param("decidedBy", "Cabinet")
                                        .param("decidedOn", "2026-03-13")
                                        .param("outcome", "LINKED")
                                        .param("itemId", goal.toString())
                                        .param("change", "Families join the goal's actions"))
                        .getStatus())
                .isEqualTo(302);
        assertThat(contexts.about(fixtures.demoDistrict(), List.of(goal)))
                .anySatisfy(context -> assertThat(context.label())
                        .startsWith("Changed at: Decide")
                        .endsWith("Families join the goal's actions"));
        assertThat(send(planner(), get("/goals/" + goal)).getContentAsString(StandardCharsets.UTF_8))
                .contains("data-test=\"context-CONVERSATION\"");
    }
}
