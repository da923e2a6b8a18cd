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
import org.lodestar.execution.ExecutionApi;
import org.lodestar.execution.ProjectStatus;
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
 * A planner reads a plan, folds a goal away and opens it again by keyboard, switches to edit mode, adds an outcome
 * through its "Add" button and sets a project's due date, which the reading view then marks overdue; in English and
 * Spanish, with axe finding nothing in either view.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanViewsBrowserTest {

    private static final String PLANNER = "planner@lakeview.example";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanningApi planning;

    @Autowired
    ExecutionApi execution;

    private Browser browser;
    private UUID plan;

    @BeforeAll
    void open() {
        browser = new Browser(port);
        SignedInUser planner = fixtures.user(PLANNER);
        plan = Ids.next();
        planning.savePlan(
                planner,
                new PlanSummary(
                        plan,
                        null,
                        PlanKind.STRATEGIC,
                        "Family engagement plan",
                        2025,
                        2029,
                        "Every family a partner.",
                        null,
                        null,
                        null,
                        PlanStatus.DRAFT,
                        0));
        UUID goal = planning.addGoal(planner, plan, "Families feel welcome in every school", planner.userId());
        UUID outcome = planning.addOutcome(planner, goal, "More families at conferences", null);
        fixtures.newKpi(outcome, "Conference attendance", 60);
        UUID strategy = planning.addStrategy(planner, goal, "Home visits before the school year", planner.userId());
        UUID trained = execution.addProject(planner, strategy, "Train the visitors", planner.userId());
        execution.setStatus(planner, trained, ProjectStatus.DONE, 0);
        execution.addProject(planner, strategy, "Visit every new family", null);
        planning.addGoal(planner, plan, "Families hear from us in their language", null);
    }

    @AfterAll
    void close() {
        assertThat(browser.consoleErrors()).isEmpty();
        browser.close();
    }

    @Test
    void readsFoldsEditsAndSetsADueDate() {
        Page page = browser.signedIn(PLANNER, Fixtures.PASSWORD);
        page.navigate("/plans/" + plan + "?lang=en");

        // the reading view: status, owners and progress, and nothing to type into
        Locator tree = page.locator("#tree.reading");
        assertThat(tree).isVisible();
        assertThat(tree.locator("input, select, textarea, form")).hasCount(0);
        Locator goal =
                tree.locator("details.goal").filter(new Locator.FilterOptions().setHasText("Families feel welcome"));
        assertThat(goal.locator("summary [data-test=goal-progress]")).hasText("KPI: 0 of 1 on track");
        assertThat(goal.locator("[data-test=strategy-progress]")).hasText("Project: 1 of 2 done");
        assertThat(goal).containsText("Owner: " + displayName());

        // a goal folds away and opens again, by mouse and by keyboard
        Locator outcome = page.getByText("More families at conferences");
        assertThat(outcome).isVisible();
        goal.locator("summary").click();
        assertThat(outcome).isHidden();
        goal.locator("summary").focus();
        page.keyboard().press("Enter");
        assertThat(outcome).isVisible();
        Browser.screenshot(page, "plan-reading-en");

        page.navigate("/plans/" + plan + "?lang=es");
        assertThat(page.locator("[data-test=edit-mode]")).hasText("Editar plan");
        assertThat(page.locator("[data-test=strategy-progress]")).hasText("Proyecto: 1 de 2 terminados");
        Browser.screenshot(page, "plan-reading-es");
        page.navigate("/plans/" + plan + "?lang=en");

        // edit mode: the new outcome's form opens where it is asked for
        page.click("[data-test=edit-mode]");
        page.waitForURL("**mode=edit");
        Locator addOutcome = page.locator("#node-" + goalId() + " ~ ul summary[data-open-add=outcome]");
        Locator outcomeForm = page.locator("form[data-add=outcome]").first();
        assertThat(outcomeForm).isHidden();
        addOutcome.click();
        assertThat(outcomeForm).isVisible();
        outcomeForm.locator("input[name=title]").fill("Every family has a contact at school");
        outcomeForm.locator("button[type=submit]").click();
        assertThat(page.locator("#tree [data-tier=outcome]").getByText("Every family has a contact at school"))
                .isVisible();
        assertThat(page.locator("form[data-add=outcome]").first()).isHidden();

        // a due date, set in the project's form, and already past
        Locator project = page.locator("[data-tier=project]")
                .filter(new Locator.FilterOptions().setHasText("Visit every new family"));
        project.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit"))
                .click();
        page.locator("form:has(input[name=dueDate]) input[name=dueDate]").fill("2020-08-14");
        page.locator("form:has(input[name=dueDate]) button[type=submit]").click();
        assertThat(project.locator("[data-test=due-date]")).containsText("Aug 14, 2020");
        assertThat(project.locator("[data-test=overdue]")).hasText("overdue");
        Browser.screenshot(page, "plan-edit-en");

        page.navigate("/plans/" + plan + "?mode=edit&lang=es");
        assertThat(page.locator("[data-test=reading-mode]")).hasText("Terminar de editar");
        assertThat(page.locator("[data-test=due-date]")).containsText("14 ago 2020");
        Browser.screenshot(page, "plan-edit-es");
        page.navigate("/plans/" + plan + "?mode=edit&lang=en");

        // back to reading: the overdue project stands out there too
        page.click("[data-test=reading-mode]");
        assertThat(page.locator("#tree.reading .overdue[data-tier=project]")).containsText("Visit every new family");
        assertThat(page.locator("#tree.reading")).containsText("Every family has a contact at school");

        assertThat(browser.accessibilityViolationsSignedIn("/plans/" + plan, PLANNER, Fixtures.PASSWORD))
                .isEmpty();
        assertThat(browser.accessibilityViolationsSignedIn("/plans/" + plan + "?mode=edit", PLANNER, Fixtures.PASSWORD))
                .isEmpty();
    }

    private String displayName() {
        return fixtures.user(PLANNER).displayName();
    }

    private UUID goalId() {
        return planning.nodesOfPlan(fixtures.demoDistrict(), plan)
                .goals()
                .get(0)
                .id();
    }
}
