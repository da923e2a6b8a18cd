package org.lodestar.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lodestar.directory.SignedInUser;
import org.lodestar.shared.Ids;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Two people open the same item of a plan and both save: the second save is refused with 409 and the form again,
 * showing both versions and carrying the saved version, and the first save is what the database holds. Saving that
 * form again replaces the first save deliberately. Every edit form of planning: the plan form, the tree's edit form
 * of each tier, the tree's delete control and the publishing page's toggle.
 */
@LodestarTest
class EditConflictTest {

    private static final Pattern VERSION = Pattern.compile("name=\"version\"[^>]*value=\"(\\d+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanningApi planning;

    private SignedInUser planner;
    private SignedInUser admin;
    private UUID plan;

    @BeforeEach
    void aPlanOfItsOwn() {
        planner = fixtures.user("planner@lakeview.example");
        admin = fixtures.user("admin@lakeview.example");
        plan = Ids.next();
        planning.savePlan(
                planner,
                new PlanSummary(
                        plan,
                        null,
                        PlanKind.STRATEGIC,
                        "Conflict test plan",
                        2025,
                        2029,
                        null,
                        null,
                        null,
                        null,
                        PlanStatus.DRAFT,
                        0));
    }

    @Test
    void theSecondSaveOfThePlanFormIsRefusedAndTheFirstKept() throws Exception {
        int opened = version(send(get("/plans/" + plan + "/edit"), planner));
        assertThat(send(get("/plans/" + plan + "/edit"), admin).getContentAsString())
                .contains("Conflict test plan");

        assertThat(send(planForm("Admin's title", opened), admin).getStatus()).isEqualTo(302);
        MockHttpServletResponse second = send(planForm("Planner's title", opened), planner);

        assertThat(second.getStatus()).isEqualTo(409);
        String page = second.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-test=\"edit-conflict\"", "Admin&#39;s title", "Planner&#39;s title");
        assertThat(version(second)).isEqualTo(opened + 1);
        assertThat(planning.plan(planner.districtId(), plan).title()).isEqualTo("Admin's title");

        // saving the form again replaces the other save, knowingly
        assertThat(send(planForm("Planner's title", version(second)), planner).getStatus())
                .isEqualTo(302);
        assertThat(planning.plan(planner.districtId(), plan).title()).isEqualTo("Planner's title");
        assertThat(audited(plan)).isEqualTo(3); // created, then each saved change
    }

    @ParameterizedTest
    @ValueSource(strings = {"goal", "outcome", "strategy"})
    void theSecondSaveOfAnItemOfTheTreeIsRefusedAndTheFirstKept(String tier) throws Exception {
        UUID id = item(tier);
        String edit = "/plans/" + plan + "/nodes/" + tier + "/" + id;
        int opened = version(send(get(edit + "/edit").header("HX-Request", "true"), planner));
        version(send(get(edit + "/edit").header("HX-Request", "true"), admin));

        assertThat(send(itemForm(edit, "Admin's " + tier, opened), admin).getStatus())
                .isEqualTo(200);
        MockHttpServletResponse second = send(itemForm(edit, "Planner's " + tier, opened), planner);

        assertThat(second.getStatus()).isEqualTo(409);
        assertThat(second.getHeader("HX-Retarget")).isEqualTo("#node-" + id);
        assertThat(second.getContentAsString(StandardCharsets.UTF_8))
                .contains("data-test=\"edit-conflict\"", "Admin&#39;s " + tier, "value=\"Planner&#39;s " + tier);
        assertThat(version(second)).isEqualTo(opened + 1);
        assertThat(title(tier, id)).isEqualTo("Admin's " + tier);

        assertThat(send(itemForm(edit, "Planner's " + tier, version(second)), planner)
                        .getStatus())
                .isEqualTo(200);
        assertThat(title(tier, id)).isEqualTo("Planner's " + tier);
        assertThat(audited(id)).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"goal", "outcome", "strategy"})
    void aRemovalMadeBeforeSomeoneElsesSaveIsRefused(String tier) throws Exception {
        UUID id = item(tier);
        String edit = "/plans/" + plan + "/nodes/" + tier + "/" + id;
        assertThat(send(itemForm(edit, "Renamed meanwhile", 0), admin).getStatus())
                .isEqualTo(200);

        MockHttpServletResponse refused =
                send(post(edit + "/delete").param("version", "0").header("HX-Request", "true"), planner);

        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("data-test=\"edit-conflict\"", "Renamed meanwhile");
        assertThat(title(tier, id)).isEqualTo("Renamed meanwhile");
        assertThat(send(post(edit + "/delete").param("version", "1").header("HX-Request", "true"), planner)
                        .getStatus())
                .isEqualTo(200);
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from " + tier + " where id = ? and removed_at is not null")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void publishingAGoalFromAnOlderPageIsRefused() throws Exception {
        UUID goal = planning.addGoal(planner, plan, "A goal to publish", null);
        assertThat(send(
                                post("/publishing/goals/" + goal)
                                        .param("published", "true")
                                        .param("version", "0"),
                                admin)
                        .getStatus())
                .isEqualTo(302);

        MockHttpServletResponse stale = send(
                post("/publishing/goals/" + goal).param("published", "true").param("version", "0"), planner);

        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(planning.goal(planner.districtId(), goal).orElseThrow().version())
                .isEqualTo(1);
        assertThat(audited(goal)).isEqualTo(2);
    }

    private UUID item(String tier) {
        UUID goal = planning.addGoal(planner, plan, "Original goal", null);
        return switch (tier) {
            case "goal" -> goal;
            case "outcome" -> planning.addOutcome(planner, goal, "Original outcome", null);
            default -> planning.addStrategy(planner, goal, "Original strategy", null);
        };
    }

    private String title(String tier, UUID id) {
        return fixtures.jdbc()
                .sql("select title from " + tier + " where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private int audited(UUID id) {
        return fixtures.jdbc()
                .sql("select count(*) from audit_event where entity_id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    private MockHttpServletRequestBuilder planForm(String title, int version) {
        return post("/plans")
                .param("id", plan.toString())
                .param("kind", "STRATEGIC")
                .param("title", title)
                .param("firstYear", "2025")
                .param("lastYear", "2029")
                .param("status", "DRAFT")
                .param("version", String.valueOf(version));
    }

    private static MockHttpServletRequestBuilder itemForm(String path, String title, int version) {
        return post(path)
                .param("title", title)
                .param("version", String.valueOf(version))
                .header("HX-Request", "true");
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, SignedInUser as) throws Exception {
        return mvc.perform(request.with(user(as)).with(csrf())).andReturn().getResponse();
    }

    private static int version(MockHttpServletResponse response) throws Exception {
        Matcher matcher = VERSION.matcher(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(matcher.find()).as("a version in the form").isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
