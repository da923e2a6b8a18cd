package org.lodestar.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.domain.PlanVersions;
import org.lodestar.shared.Ids;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Adopting a plan keeps a version of it; an adopted plan's edit mode asks why first, the reason keeps the plan as it
 * stood, and what follows is compared item by item and told in the change log.
 */
@LodestarTest
class PlanVersionsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanningApi planning;

    @Autowired
    PlanVersions versions;

    private SignedInUser principal;
    private UUID plan;
    private UUID goal;
    private UUID action;

    @BeforeEach
    void anAdoptedSchoolPlan() {
        principal = fixtures.user("principal@lakeview.example");
        UUID cedar = principal.ledSchools().get(0);
        plan = Ids.next();
        planning.savePlan(
                principal,
                new PlanSummary(
                        plan,
                        cedar,
                        PlanKind.IMPROVEMENT,
                        "Versions plan",
                        2026,
                        2026,
                        null,
                        null,
                        null,
                        null,
                        PlanStatus.DRAFT,
                        0));
        goal = planning.addGoal(principal, plan, "Readers at every grade", null);
        action = planning.addStrategy(principal, goal, "Tutoring after school", null);
        planning.savePlan(principal, planning.plan(principal.districtId(), plan).withStatus(PlanStatus.ADOPTED));
    }

    @Test
    void adoptingKeepsTheFirstVersionWithTheItemsAsAdopted() {
        List<PlanVersions.Version> kept = versions.versions(principal.districtId(), plan);

        assertThat(kept).singleElement().satisfies(version -> {
            assertThat(version.number()).isEqualTo(1);
            assertThat(version.kind()).isEqualTo(PlanVersions.Kind.ADOPTED);
            assertThat(version.reason()).isNull();
            assertThat(version.madeBy()).isEqualTo(principal.email());
        });
        assertThat(versions.compare(principal.districtId(), plan, 1, null).same())
                .isTrue();
        assertThat(planning.changeLog(principal.districtId(), plan)).isEmpty();
    }

    @Test
    void editModeOfAnAdoptedPlanAsksWhyOnceAndTheChangesThatFollowAreComparedAndLogged() throws Exception {
        MockHttpSession session = new MockHttpSession();
        MockHttpServletResponse asked = send(get("/plans/" + plan + "?mode=edit"), session);
        assertThat(asked.getRedirectedUrl()).isEqualTo("/plans/" + plan + "/reason");
        assertThat(send(get("/plans/" + plan + "/edit"), session).getRedirectedUrl())
                .isEqualTo("/plans/" + plan + "/reason");

        MockHttpServletResponse blank = send(post("/plans/" + plan + "/reason").param("reason", "  "), session);
        assertThat(blank.getStatus()).isEqualTo(422);
        assertThat(blank.getContentAsString(StandardCharsets.UTF_8)).contains("aria-invalid=\"true\"");
        assertThat(versions.versions(principal.districtId(), plan)).hasSize(1);

        String reason = "The spring benchmark showed grade 2 needs the tutoring too.";
        assertThat(send(post("/plans/" + plan + "/reason").param("reason", reason), session)
                        .getRedirectedUrl())
                .isEqualTo("/plans/" + plan + "?mode=edit");
        MockHttpServletResponse editing = send(get("/plans/" + plan + "?mode=edit"), session);
        assertThat(editing.getStatus()).isEqualTo(200);
        assertThat(editing.getContentAsString(StandardCharsets.UTF_8)).contains("data-test=\"reading-mode\"");

        Goal before = planning.goal(principal.districtId(), goal).orElseThrow();
        planning.rewordGoal(principal, goal, "Readers and writers at every grade", null, before.version());
        planning.addStrategy(principal, goal, "Tutoring in grade 2", null);

        var comparison = versions.compare(principal.districtId(), plan, 2, null);
        assertThat(comparison.added()).extracting(i -> i.title()).containsExactly("Tutoring in grade 2");
        assertThat(comparison.removed()).isEmpty();
        assertThat(comparison.changed())
                .singleElement()
                .satisfies(changed -> assertThat(changed.fields())
                        .extracting(f -> f.field() + ": " + f.before() + " -> " + f.after())
                        .containsExactly("title: Readers at every grade -> Readers and writers at every grade"));
        assertThat(versions.changes(principal.districtId(), plan))
                .singleElement()
                .satisfies(change -> {
                    assertThat(change.version().reason()).isEqualTo(reason);
                    assertThat(change.version().number()).isEqualTo(2);
                    assertThat(List.of(change.added(), change.removed(), change.changed()))
                            .containsExactly(1, 0, 1);
                });
        assertThat(planning.changeLog(principal.districtId(), plan))
                .extracting(PlanChange::reason)
                .containsExactly(reason);
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from audit_event where entity_id = ? and after_state::text like ?")
                        .params(plan, "%" + reason + "%")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        String page = send(get("/plans/" + plan + "/versions/compare?from=1"), session)
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("Added (1)", "Tutoring in grade 2", "Changed (1)", "Readers and writers at every grade");
        String list = send(get("/plans/" + plan + "/versions"), session).getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains(reason, "1 added, 0 removed, 1 changed", "Before a change", "Adopted");
    }

    @Test
    void onlyThoseWhoMayEditGiveAReasonAndAnotherDistrictSeesNoVersion() throws Exception {
        MockHttpServletResponse board = mvc.perform(post("/plans/" + plan + "/reason")
                        .param("reason", "Because")
                        .with(user(fixtures.user("board@lakeview.example")))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(board.getStatus()).isEqualTo(403);
        assertThat(versions.versions(principal.districtId(), plan)).hasSize(1);

        int other = mvc.perform(get("/plans/" + plan + "/versions").with(user(fixtures.otherDistrictUser("PLANNER"))))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(other).isEqualTo(404);
        int unknownVersion = send(get("/plans/" + plan + "/versions/compare?from=9"), new MockHttpSession())
                .getStatus();
        assertThat(unknownVersion).isEqualTo(404);
    }

    @Test
    void theGoalAndActionPagesOfAnAdoptedPlanAskWhyBeforeTheirFormsAndNothingPostedWithoutOneIsSaved()
            throws Exception {
        MockHttpSession session = new MockHttpSession();
        String page = send(get("/actions/" + action), session).getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-test=\"reason-first\"", "/plans/" + plan + "/reason?then=");
        assertThat(page).doesNotContain("data-test=\"action-form\"");
        assertThat(send(get("/goals/" + goal), session).getContentAsString(StandardCharsets.UTF_8))
                .contains("data-test=\"reason-first\"");

        // a change posted anyway (an old tab) goes to the reason first, nothing saved
        String back = "/plans/" + plan + "/reason?then=%2Factions%2F" + action;
        assertThat(send(
                                post("/actions/" + action)
                                        .param("description", "Unexplained")
                                        .param("version", "0"),
                                session)
                        .getRedirectedUrl())
                .isEqualTo(back);
        assertThat(send(
                                post("/items/" + goal + "/tags")
                                        .param("component", "x|y")
                                        .param("goal", goal.toString()),
                                session)
                        .getRedirectedUrl())
                .isEqualTo("/plans/" + plan + "/reason?then=%2Fgoals%2F" + goal);

        assertThat(send(
                                post("/plans/" + plan + "/reason")
                                        .param("reason", "The tutors start in October.")
                                        .param("then", "/actions/" + action),
                                session)
                        .getRedirectedUrl())
                .isEqualTo("/actions/" + action);
        String open = send(get("/actions/" + action), session).getContentAsString(StandardCharsets.UTF_8);
        assertThat(open).contains("data-test=\"action-form\"").doesNotContain("data-test=\"reason-first\"");
        assertThat(open).doesNotContain("Unexplained");
        assertThat(planning.changeLog(principal.districtId(), plan))
                .extracting(PlanChange::reason)
                .containsExactly("The tutors start in October.");

        // the form sends nobody anywhere but a goal's or an action's page
        assertThat(send(
                                post("/plans/" + plan + "/reason")
                                        .param("reason", "Because.")
                                        .param("then", "https://elsewhere.example/"),
                                new MockHttpSession())
                        .getRedirectedUrl())
                .isEqualTo("/plans/" + plan + "?mode=edit");
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, MockHttpSession session)
            throws Exception {
        RequestBuilder built =
                request.session(session).with(user(principal)).with(csrf()).locale(Locale.ENGLISH);
        return mvc.perform(built).andReturn().getResponse();
    }
}
