package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestar.directory.SignedInUser;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.Measurement;
import org.lodestar.measures.MeasuresApi;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanTranslation;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.Ids;
import org.lodestar.support.Browser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A planner evaluates the 2025-26 school year of a strategic plan from its page (the goals' verdicts proposed from
 * their KPIs), completes it, reads it in Spanish, and starts the next strategic cycle from what it proved: the goal met
 * and the actions continued and revised come first and ticked, the rest unticked, and the new plan is a draft.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrategicCycleBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanningApi planning;

    @Autowired
    MeasuresApi measures;

    private Browser browser;

    @BeforeAll
    void open() {
        browser = new Browser(port);
    }

    @AfterAll
    void close() {
        assertThat(browser.consoleErrors()).isEmpty();
        browser.close();
    }

    /** A strategic plan 2024-25 to 2028-29: a goal whose KPI reached its 2025-26 target, one whose KPI did not. */
    private UUID plan() {
        SignedInUser planner = fixtures.user("planner@lakeview.example");
        UUID plan = Ids.next();
        planning.savePlan(
                planner,
                new PlanSummary(
                        plan,
                        null,
                        PlanKind.STRATEGIC,
                        "Riverside 2024-2029",
                        2024,
                        2028,
                        "Every Riverside student thrives.",
                        "We teach every student well.",
                        "Care · Rigor",
                        PlanTranslation.NONE,
                        PlanStatus.DRAFT,
                        0));
        UUID readers = planning.addGoal(planner, plan, "Riverside: every student reads", null);
        UUID present = planning.addGoal(planner, plan, "Riverside: every student attends", null);
        UUID reading = kpi(planner, planning.addOutcome(planner, readers, "Riverside: more readers", null), 70);
        UUID attendance = kpi(planner, planning.addOutcome(planner, present, "Riverside: more present", null), 95);
        measures.record(
                planner,
                List.of(
                        new Measurement(reading, 2025, 0, null, "ALL", new BigDecimal("73"), 400),
                        new Measurement(attendance, 2025, 0, null, "ALL", new BigDecimal("90"), 400)));
        planning.addStrategy(planner, readers, "Riverside: tutoring for every third grader", null);
        planning.addStrategy(planner, readers, "Riverside: family reading nights", null);
        planning.addStrategy(planner, present, "Riverside: attendance prizes", null);
        return plan;
    }

    private UUID kpi(SignedInUser planner, UUID outcome, int target) {
        TreeMap<Integer, BigDecimal> targets = new TreeMap<>();
        targets.put(2025, BigDecimal.valueOf(target));
        return measures.addKpi(
                planner,
                outcome,
                "Riverside KPI " + target,
                Kpi.Unit.PERCENT,
                true,
                BigDecimal.valueOf(target - 10),
                2023,
                "District records",
                false,
                false,
                false,
                targets);
    }

    private static Locator row(Page page, String text) {
        return page.locator("[data-test=evaluation-rows] tbody tr", new Page.LocatorOptions().setHasText(text));
    }

    @Test
    void aPlannerEvaluatesAYearAndStartsTheNextCycleFromWhatItProved() {
        UUID plan = plan();
        Page page = browser.signedIn("planner@lakeview.example", Fixtures.PASSWORD);
        page.navigate("/plans/" + plan);
        page.click("[data-test=strategic-evaluations-link]");
        assertThat(page.locator("h1")).hasText("Annual evaluations");
        assertThat(page.locator("[data-test=evaluation-none]")).isVisible();
        page.locator("select#year").selectOption("2025");
        page.click("[data-test=start-evaluation]");

        assertThat(page.locator("h1")).hasText("Annual evaluation 2025-26");
        assertThat(row(page, "every student reads").locator("[data-test=proposed]"))
                .hasText("Met");
        assertThat(row(page, "every student attends").locator("select")).hasValue("NOT_MET");
        row(page, "tutoring for every third grader").locator("select").selectOption("CONTINUE");
        row(page, "family reading nights").locator("select").selectOption("REVISE");
        row(page, "family reading nights").locator("textarea").fill("Hold them at the school, not the library");
        row(page, "attendance prizes").locator("select").selectOption("STOP");
        row(page, "attendance prizes").locator("textarea").fill("Attendance did not move");
        Browser.screenshot(page, "strategic-evaluation");
        page.click("[data-test=complete-evaluation]");
        assertThat(page.locator("[data-test=evaluation-completed]")).containsText("The cycle goes on");

        page.navigate("/strategic-plans/" + plan + "/evaluations/2025?lang=es");
        assertThat(page.locator("h1")).hasText("Evaluación anual 2025-26");
        assertThat(page.locator("[data-test=evaluation-rows]")).containsText("Continuar");
        Browser.screenshot(page, "strategic-evaluation-es");
        page.navigate("/strategic-plans/" + plan + "/evaluations?lang=en");
        assertThat(page.locator("tr[data-year='2025']")).containsText("Completed by");

        page.click("[data-test=next-cycle-link]");
        assertThat(page.locator("h1")).hasText("The next strategic cycle");
        Locator proved = page.locator("[data-test=proved]");
        Locator rest = page.locator("[data-test=rest]");
        assertThat(proved).containsText("every student reads");
        assertThat(proved).containsText("tutoring for every third grader");
        assertThat(proved).containsText("family reading nights");
        assertThat(rest).containsText("every student attends");
        assertThat(rest).containsText("attendance prizes");
        assertThat(proved.locator("input[type=checkbox]:checked")).hasCount(3);
        assertThat(rest.locator("input[type=checkbox]:checked")).hasCount(0);
        assertThat(page.locator("#title")).hasValue("Riverside 2029-2034");
        assertThat(page.locator("#vision")).hasValue("Every Riverside student thrives.");
        page.fill("#vision", "Every Riverside student thrives, and knows it.");
        Browser.screenshot(page, "new-strategic-cycle");
        page.click("[data-test=start-next-cycle]");

        page.waitForURL("**mode=edit*");
        assertThat(page.locator("body")).containsText("Riverside 2029-2034");
        assertThat(page.locator("body")).containsText("tutoring for every third grader");
        assertThat(page.locator("body")).not().containsText("attendance prizes");
        page.context().close();
    }
}
