package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.compliance.Purpose;
import org.lodestar.planning.domain.ImprovementPlans;
import org.lodestar.support.Browser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A planner opens the overlaps of the district's improvement plan from its page, finds Cedar's outreach coordinator
 * saying what the district's family liaisons say, keeps the district's action, and reads both actions afterwards: the
 * kept one with both costs, the merged one saying where it went. In a school year of its own (2036-37).
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverlapsBrowserTest {

    private static final String LIAISONS = "Hire bilingual family liaisons to reach Spanish-speaking families";
    private static final String OUTREACH = "Add a Spanish-speaking parent outreach coordinator at the school";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanningApi planning;

    @Autowired
    ImprovementPlans improvement;

    private Browser browser;
    private UUID districtPlan;

    @BeforeAll
    void open() {
        browser = new Browser(port);
        SignedInUser planner = fixtures.user("planner@lakeview.example");
        SignedInUser principal = fixtures.user("principal@lakeview.example");
        UUID cedar = fixtures.any("select id from school where district_id = ? and name = 'Cedar Elementary'");
        PlanSummary strategic =
                planning.districtStrategicPlan(fixtures.demoDistrict()).orElseThrow();
        UUID goal = planning.nodesOfPlan(fixtures.demoDistrict(), strategic.id())
                .goals()
                .get(0)
                .id();
        districtPlan = improvement.create(
                planner,
                new ImprovementPlans.Start(
                        strategic.id(), null, 2036, "District improvement plan 2036-37", Set.of(goal), Set.of()));
        UUID cedarPlan = improvement.create(
                principal,
                new ImprovementPlans.Start(
                        strategic.id(), cedar, 2036, "Cedar Elementary plan 2036-37", Set.of(goal), Set.of()));
        UUID liaisons = planning.addStrategy(
                planner,
                planning.nodesOfPlan(fixtures.demoDistrict(), districtPlan)
                        .goals()
                        .get(0)
                        .id(),
                LIAISONS,
                null);
        UUID outreach = planning.addStrategy(
                principal,
                planning.nodesOfPlan(fixtures.demoDistrict(), cedarPlan)
                        .goals()
                        .get(0)
                        .id(),
                OUTREACH,
                null);
        improvement.addCost(planner, liaisons, "TITLE_I_A", Purpose.PARENT_FAMILY_ENGAGEMENT, new BigDecimal("40000"));
        improvement.addCost(principal, outreach, "TITLE_III_A", Purpose.GENERAL, new BigDecimal("12000"));
    }

    @AfterAll
    void close() {
        assertThat(browser.consoleErrors()).isEmpty();
        browser.close();
    }

    @Test
    void aPlannerMergesTheSchoolsOutreachCoordinatorIntoTheDistrictsFamilyLiaisons() {
        Page page = browser.signedIn("planner@lakeview.example", Fixtures.PASSWORD);
        page.navigate("/plans/" + districtPlan);
        page.click("[data-test=overlaps-link]");
        assertThat(page.locator("h1")).hasText("Overlapping actions: District improvement plan 2036-37");
        assertThat(page.locator("[data-test=pair]")).hasCount(1);
        for (String shown : new String[] {LIAISONS, OUTREACH, "$40,000", "$12,000", "Cedar Elementary plan 2036-37"}) {
            assertThat(page.locator("[data-test=pair]")).containsText(shown);
        }
        Browser.screenshot(page, "overlaps-en");
        assertThat(browser.accessibilityViolationsSignedIn(
                        page.url().replaceAll("^https?://[^/]+", ""), "planner@lakeview.example", Fixtures.PASSWORD))
                .isEmpty();

        page.navigate(page.url() + "&lang=es");
        assertThat(page.locator("h1")).hasText("Acciones que se superponen: District improvement plan 2036-37");
        Browser.screenshot(page, "overlaps-es");
        page.navigate(page.url().replace("&lang=es", "&lang=en"));

        page.locator("[data-test=pair] td", new Page.LocatorOptions().setHasText(LIAISONS))
                .locator("[data-test=merge] button")
                .click();
        assertThat(page.locator("h1")).hasText(LIAISONS);
        assertThat(page.locator("[role=status]")).containsText("Merged");
        assertThat(page.locator("[data-test=costs] tfoot")).containsText("$52,000");
        assertThat(page.locator("[data-test=merged-here]")).containsText(OUTREACH);
        Browser.screenshot(page, "overlaps-kept-action-en");

        page.click("[data-test=merged-here] a >> nth=0");
        assertThat(page.locator("h1")).hasText(OUTREACH);
        assertThat(page.locator("[data-test=merged-into]")).containsText("merged into");
        assertThat(page.locator("[data-test=merged-into]")).containsText(LIAISONS);
        Browser.screenshot(page, "overlaps-merged-action-en");
        page.navigate(page.url() + "?lang=es");
        assertThat(page.locator("[data-test=merged-into]")).containsText("se fusionó en");
        Browser.screenshot(page, "overlaps-merged-action-es");
        page.navigate(page.url().replace("?lang=es", "?lang=en"));
    }
}
