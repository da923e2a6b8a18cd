package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.Ids;
import org.lodestar.support.Browser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two people edit the same goal in place in a plan's tree at once, in real browsers: the one who saves second sees,
 * where the form was, that someone saved first, both versions side by side and their own entry kept; saving again
 * replaces the other save deliberately.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditConflictBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanningApi planning;

    private Browser browser;
    private String titleInput;

    @BeforeAll
    void open() {
        browser = new Browser(port);
    }

    @AfterAll
    void close() {
        // the refused save is an answer of 409, which the browser reports; nothing else may be
        assertThat(browser.consoleErrors())
                .allSatisfy(error -> assertThat(error).contains("409"));
        browser.close();
    }

    @Test
    void theSecondOfTwoPeopleEditingAGoalSeesBothVersionsAndChooses() {
        SignedInUser planner = fixtures.user("planner@lakeview.example");
        UUID plan = Ids.next();
        planning.savePlan(
                planner,
                new PlanSummary(
                        plan,
                        null,
                        PlanKind.STRATEGIC,
                        "Two editors plan",
                        2025,
                        2029,
                        null,
                        null,
                        null,
                        null,
                        PlanStatus.DRAFT,
                        0));
        UUID goal = planning.addGoal(planner, plan, "Original goal", null);
        titleInput = "#node-" + goal + " form input[name=title]";

        Page first = openEditForm("planner@lakeview.example", plan);
        Page second = openEditForm("admin@lakeview.example", plan);

        save(second, "Renamed by the admin");
        assertThat(second.locator("[data-tier=goal] .title")).hasText("Renamed by the admin");

        save(first, "Renamed by the planner");
        Locator conflict = first.locator("[data-test=edit-conflict]");
        assertThat(conflict).isVisible();
        assertThat(conflict).containsText("Someone else saved this after you opened it");
        assertThat(conflict.locator("tbody tr").first()).containsText("Renamed by the planner");
        assertThat(conflict.locator("tbody tr").first()).containsText("Renamed by the admin");
        assertThat(first.locator(titleInput)).hasValue("Renamed by the planner");
        assertThat(planning.goal(planner.districtId(), goal).orElseThrow().title())
                .isEqualTo("Renamed by the admin");
        Browser.screenshot(first, "edit-conflict");

        first.locator(titleInput).press("Enter");
        assertThat(first.locator("[data-tier=goal] .title")).hasText("Renamed by the planner");
        assertThat(first.locator("[data-test=edit-conflict]")).hasCount(0);
        assertThat(planning.goal(planner.districtId(), goal).orElseThrow().title())
                .isEqualTo("Renamed by the planner");
    }

    private Page openEditForm(String email, UUID plan) {
        Page page = browser.signedIn(email, Fixtures.PASSWORD);
        page.navigate("/plans/" + plan + "?mode=edit");
        page.locator("[data-tier=goal]")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit"))
                .click();
        assertThat(page.locator(titleInput)).hasValue("Original goal");
        return page;
    }

    private void save(Page page, String title) {
        page.locator(titleInput).fill(title);
        page.locator(titleInput).press("Enter");
    }
}
