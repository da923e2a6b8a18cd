package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestar.support.Browser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every other page, as the person who uses it: the admin's schools, people and settings, a school leader's own plan
 * aligned to the district, a goal page, a KPI's edit form, one's account and API token, and an item's history.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryPageBrowserTest {

    @LocalServerPort
    int port;

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

    @Test
    void aWrongPasswordIsToldOnTheSignInPage() {
        Page page = browser.page();
        page.navigate("/login");
        page.fill("#username", "admin@lakeview.example");
        page.fill("#password", "not-the-password");
        page.click("main button[type=submit]");
        assertThat(page.locator("[role=alert]")).containsText("Wrong e-mail or password");
        Browser.screenshot(page, "sign-in");
        assertThat(browser.accessibilityViolations("/login", "en-US")).isEmpty();
    }

    @Test
    void signInLandsOnTheHomePage() {
        Page page = browser.signedIn("admin@lakeview.example", Fixtures.PASSWORD);
        assertThat(page.locator("h1")).hasText("Welcome, Alex Rivera");
        assertThat(page.locator("[data-test=goal-status] tbody tr").first()).isVisible();
        assertThat(page.locator("[data-test=goal-status] tbody tr").count()).isGreaterThanOrEqualTo(5);
        page.click("nav >> text=Plans");
        page.click("nav >> text=Home");
        assertThat(page.locator("h2#attention")).hasText("Needs attention");
        assertThat(browser.accessibilityViolationsSignedIn("/", "admin@lakeview.example", Fixtures.PASSWORD))
                .isEmpty();
    }

    @Test
    void theAdminManagesSchoolsPeopleAndSettings() {
        Page page = browser.signedIn("admin@lakeview.example", Fixtures.PASSWORD);
        page.click("nav >> text=Schools");
        assertThat(page.locator("h1")).hasText("Schools");
        page.click("text=Add a school");
        page.fill("#name", "Pine Ridge Elementary");
        page.fill("#highestGrade", "13");
        page.click("main button[type=submit]");
        assertThat(page.locator("#highestGrade-error")).isVisible();
        page.fill("#highestGrade", "5");
        page.fill("#capacity", "480");
        page.click("main button[type=submit]");
        assertThat(page.locator("table")).containsText("Pine Ridge Elementary");
        Browser.screenshot(page, "schools");

        page.click("nav >> text=People");
        page.click("text=Add a person");
        page.fill("#displayName", "Casey Morgan");
        page.fill("#email", "casey@lakeview.example");
        page.fill("#password", "a-strong-password");
        page.selectOption("select[name='grants[0].role']", "SCHOOL_LEADER");
        page.selectOption(
                "select[name='grants[0].schoolId']",
                new com.microsoft.playwright.options.SelectOption().setLabel("Pine Ridge Elementary"));
        page.click("main button[type=submit]");
        // long enough, but made of common words: refused at the field
        assertThat(page.locator("#password-error")).containsText("too easy to guess");
        page.fill("#password", "copper-fjord-lantern-8");
        page.click("main button[type=submit]");
        assertThat(page.locator("table")).containsText("Casey Morgan");
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("Casey Morgan")))
                .containsText("School leader (Pine Ridge Elementary)");
        Browser.screenshot(page, "people");

        // the admin's own sign-in of this test is on the sign-in activity page
        page.click("text=Sign-in activity");
        assertThat(page.locator("h1")).hasText("Sign-in activity");
        assertThat(page.locator("[data-test=sign-ins] tr[data-outcome=SUCCEEDED]")
                        .first())
                .containsText("Alex Rivera");
        Browser.screenshot(page, "sign-in-activity");

        page.click("nav >> text=Settings");
        page.fill("#tierGoal", "Priority");
        page.fill("#minimumN", "0");
        page.click("main button[type=submit]");
        assertThat(page.locator("#minimumN-error")).isVisible();
        page.fill("#minimumN", "10");
        page.click("main button[type=submit]");
        assertThat(page.getByText("Settings saved.")).isVisible();
        page.navigate("/plans");
        page.click("text=Lakeview 2030: Every Student Ready");
        assertThat(page.locator("[data-tier=goal] .tier").first()).hasText("Priority");
        page.navigate("/admin/settings");
        page.fill("#tierGoal", "Goal");
        page.click("main button[type=submit]");
        page.click("text=History");
        // the admin by name, the tier names as they were and are
        assertThat(page.locator("ol.history")).containsText("Alex Rivera changed the district");
        assertThat(page.locator("ol.history")).containsText("Priority");
        Browser.screenshot(page, "history");
        assertThat(browser.accessibilityViolationsSignedIn(
                        "/admin/schools", "admin@lakeview.example", Fixtures.PASSWORD))
                .isEmpty();
    }

    @Test
    void aSchoolLeaderWritesTheSchoolsPlanAlignedToTheDistrict() {
        Page page = browser.signedIn("principal@lakeview.example", Fixtures.PASSWORD);
        page.click("nav >> text=Plans");
        page.click("text=New plan for Cedar Elementary");
        page.fill("#title", "Cedar Elementary Plan 2026-27");
        page.fill("#firstYear", "2026");
        page.fill("#lastYear", "2026");
        page.click("main button[type=submit]");
        page.locator("summary[data-open-add=goal]").click();
        page.locator("form[data-add=goal] input[name=title]").fill("Cedar readers love books");
        page.locator("form[data-add=goal] button").click();
        page.locator("#tree").getByText("Cedar readers love books").click();
        page.selectOption(
                "#districtGoal",
                new com.microsoft.playwright.options.SelectOption().setLabel("Safe, healthy and welcoming schools"));
        page.click("main form button:has-text('Align')");
        assertThat(page.locator("#rationale-error")).isVisible();
        assertThat(page.locator("#districtGoal option:checked")).hasText("Safe, healthy and welcoming schools");
        page.fill("#rationale", "Belonging starts with a library every child loves.");
        page.click("main form button:has-text('Align')");
        assertThat(page.locator("main")).containsText("Belonging starts with a library every child loves.");
        Browser.screenshot(page, "school-goal");

        page.click("main ul a:has-text('Safe, healthy and welcoming schools')");
        assertThat(page.locator("[data-test=aligned-schools]")).containsText("Cedar Elementary");
        assertThat(page.locator("[data-test=aligned-schools]")).containsText("Cedar readers love books");
        Browser.screenshot(page, "goal-page");

        // the principal cannot edit the district plan, nor manage people
        page.navigate("/plans");
        page.click("text=Lakeview 2030: Every Student Ready");
        assertThat(page.locator("[data-test=edit-mode]")).hasCount(0);
        page.navigate(page.url() + "?mode=edit");
        assertThat(page.locator("#tree.reading")).isVisible();
        assertThat(page.locator("form[data-add=goal]")).hasCount(0);
        Page other = browser.signedIn("principal@lakeview.example", Fixtures.PASSWORD);
        other.navigate("/admin/people");
        assertThat(other.locator("h1")).hasText("Your role does not allow this.");
        Browser.screenshot(other, "forbidden");
        other.navigate("/kpis/not-an-id");
        assertThat(other.locator("h1")).hasText("This request is missing something or has a value of the wrong kind.");
        browser.consoleErrors().removeIf(error -> error.contains("/admin/people") || error.contains("/kpis/not-an-id"));
    }

    @Test
    void aPlannerEditsAKpisTargetsAndSeesItsHistory() {
        Page page = browser.signedIn("planner@lakeview.example", Fixtures.PASSWORD);
        page.navigate("/plans");
        page.click("text=Lakeview 2030: Every Student Ready");
        page.locator("#tree").getByText("Teacher retention rate").click();
        page.click("main >> text=Edit");
        page.fill("input[name='targets[2].year']", "2027");
        page.fill("input[name='targets[2].value']", "88");
        page.fill("input[name='targets[3].year']", "2027");
        page.fill("input[name='targets[3].value']", "89");
        page.click("main form button:has-text('Save')");
        assertThat(page.getByText("This school year already has a target.")).isVisible();
        Browser.screenshot(page, "kpi-form");
        page.fill("input[name='targets[3].year']", "");
        page.fill("input[name='targets[3].value']", "");
        page.fill("#dataSource", "HR information system");
        page.click("main form button:has-text('Save')");
        assertThat(page.locator("h1")).hasText("Teacher retention rate");
        page.click("main >> text=History");
        assertThat(page.locator("ol.history")).containsText("Data source: from");
        assertThat(page.locator("ol.history")).containsText("“HR information system”");
    }

    @Test
    void aPlannerUpdatesAProjectInPlaceAndAddsOneWithoutScript() {
        Page page = browser.signedIn("planner@lakeview.example", Fixtures.PASSWORD);
        page.click("text=Lakeview 2030: Every Student Ready");
        page.click("[data-test=edit-mode]");
        Browser.giveReasonIfAsked(page, "The summer math institute is blocked until the contract is signed.");
        var project = page.locator("[data-tier=project]")
                .filter(new com.microsoft.playwright.Locator.FilterOptions()
                        .setHasText("Summer math institute for grade 6-8 teachers"))
                .first();
        project.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Edit"))
                .click();
        page.selectOption("select[name=status]", "BLOCKED");
        // the tree reloads itself after the save: the form below is taken from the reloaded tree, not one it replaces
        page.waitForResponse(
                response -> response.url().contains("/tree"),
                () -> page.locator("form:has(select[name=status]) button[type=submit]")
                        .click());
        assertThat(page.locator("[data-tier=project]")
                        .filter(new com.microsoft.playwright.Locator.FilterOptions()
                                .setHasText("Summer math institute for grade 6-8 teachers"))
                        .first())
                .containsText("Blocked");

        // the add form works as a plain form too: a blank title is refused on a page of its own
        var form = page.locator("form[data-add=project]").first();
        form.evaluate(
                "f => { f.removeAttribute('hx-post'); f.querySelector('input').removeAttribute('required'); f.submit(); }");
        assertThat(page.locator("main [role=alert]")).hasText("Give it a title of at most 300 characters.");
        Browser.screenshot(page, "project-new");
        page.fill("input[name=title]", "Visit every school");
        page.click("main button[type=submit]");
        assertThat(page.locator("#tree")).containsText("Visit every school");
    }

    @Test
    void aPersonMakesAnApiTokenAndSeesItOnce() {
        Page page = browser.signedIn("teacher@lakeview.example", Fixtures.PASSWORD);
        page.click("text=Jordan Lee");
        page.fill("input[name=name]", "Attendance sync");
        page.click("text=Create a token");
        assertThat(page.locator("[data-test=new-token]")).containsText("lds_");
        Browser.screenshot(page, "account");
        page.reload();
        assertThat(page.locator("[data-test=new-token]")).hasCount(0);
        page.click("text=Revoke");
        assertThat(page.locator("main")).containsText("revoked");
    }
}
