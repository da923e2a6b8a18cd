package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestar.needs.NeedSummary;
import org.lodestar.needs.NeedsApi;
import org.lodestar.support.Browser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cedar Elementary's principal opens Themes, sees the set of comments heard at Cedar's family night with each theme's
 * label and size (audience shares of too few comments not shown) but no comment, links a theme to Cedar's need, and
 * finds it on the need's page; and groups the open answers of Cedar's own survey into themes, one linked to the need.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchoolThemesBrowserTest {

    static final String CEDAR_SET = "Cedar family night 2026: comments heard (sample data)";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    NeedsApi needs;

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
    void thePrincipalSeesTheirSchoolsThemesWithoutCommentsAndLinksOneToTheirNeed() {
        Page page = browser.signedIn("principal@lakeview.example", Fixtures.PASSWORD);
        page.click("nav >> text=Needs");
        page.click("[data-test=nav-themes]");
        assertThat(page.locator("h1")).hasText("Themes");
        assertThat(page.locator("[data-test=paste-link]")).hasCount(0);
        page.click("text=" + CEDAR_SET);

        Locator themes = page.locator("article[data-test=theme]");
        assertThat(themes.first()).isVisible();
        assertThat(themes.count()).isGreaterThanOrEqualTo(2);
        assertThat(themes.first().locator("[data-test=theme-label]")).not().hasText("");
        assertThat(themes.first().locator("[data-test=theme-size]")).containsText("comments");
        // 12 families and 8 teachers: in each theme an audience under the district's minimum n hides the shares
        assertThat(themes.first().locator("[data-test=shares-suppressed]")).isVisible();
        assertThat(page.locator("[data-test=theme-shares]")).hasCount(0);
        assertThat(page.locator("[data-test=school-aggregates]")).isVisible();
        // no comment: neither quoted nor listed, and no form that edits them
        for (String part : List.of("representative", "comments", "comment", "rename", "hide", "you-said")) {
            assertThat(page.locator("[data-test=" + part + "]")).hasCount(0);
        }
        assertThat(page.content()).doesNotContain("north route bus").doesNotContain("family liaison");

        // link the first theme to Cedar's need
        Locator first = themes.first();
        String label = first.locator("[data-test=theme-label]").innerText();
        first.locator("details[data-test=link-forms] summary").click();
        UUID need = cedarNeed();
        first.locator("form[data-test=link-need] select").selectOption(need.toString());
        first.locator("form[data-test=link-need] button").click();
        page.waitForLoadState();
        assertThat(page.locator("article[data-test=theme]").first().locator("[data-test=theme-links]"))
                .isVisible();
        Browser.screenshot(page, "themes-school");

        page.navigate("/needs/" + need);
        assertThat(page.locator("[data-test=themes]")).containsText(label);

        String set = page.locator("[data-test=themes] a").first().getAttribute("href");
        assertThat(set).startsWith("/themes/");
        assertThat(browser.accessibilityViolationsSignedIn(
                        set.replaceAll("#.*$", ""), "principal@lakeview.example", Fixtures.PASSWORD))
                .isEmpty();
    }

    @Test
    void thePrincipalGroupsTheirSchoolsSurveyIntoThemesAndLinksOneToTheirNeed() {
        Page page = browser.signedIn("principal@lakeview.example", Fixtures.PASSWORD);
        page.navigate("/themes");
        Locator form = page.locator("form[data-test=new-set]");
        // their school's survey is offered, the district's is not
        assertThat(form).containsText("Cedar family survey 2025-26");
        assertThat(form).not().containsText("Family and staff survey 2025-26");
        String title = "Cedar families: what would help "
                + UUID.randomUUID().toString().substring(0, 8);
        form.locator("#set-title").fill(title);
        form.locator("label", new Locator.LocatorOptions().setHasText("Cedar family survey 2025-26"))
                .locator("input[type=checkbox]")
                .check();
        form.locator("button[type=submit]").click();

        // the page follows the run and reloads itself with the themes when it is done
        Locator themes = page.locator("article[data-test=theme]");
        assertThat(themes.first())
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                        .setTimeout(120_000));
        assertThat(page.locator("h1")).containsText(title);
        assertThat(themes.count()).isGreaterThanOrEqualTo(2);
        assertThat(themes.first().locator("[data-test=theme-size]")).containsText("comments");
        for (String part : List.of("representative", "comments", "comment", "rename", "hide", "you-said")) {
            assertThat(page.locator("[data-test=" + part + "]")).hasCount(0);
        }
        assertThat(page.content()).doesNotContain("Riverside apartments").doesNotContain("winter coats");
        // the demo's survey makes themes of fewer than 10 comments too: counted, their words not shown
        assertThat(page.locator("[data-test=few-themes]")).containsText("Their words are not shown");

        Locator first = themes.first();
        String label = first.locator("[data-test=theme-label]").innerText();
        first.locator("details[data-test=link-forms] summary").click();
        UUID need = cedarNeed();
        first.locator("form[data-test=link-need] select").selectOption(need.toString());
        first.locator("form[data-test=link-need] button").click();
        page.waitForLoadState();
        Browser.screenshot(page, "themes-school-survey");

        page.navigate("/needs/" + need);
        assertThat(page.locator("[data-test=themes]")).containsText(label);
        Browser.screenshot(page, "need-with-survey-themes");
        page.navigate("/themes");
        assertThat(page.locator("[data-test=theme-sets]")).containsText(title);
    }

    private UUID cedarNeed() {
        UUID district = fixtures.demoDistrict();
        UUID cedar = fixtures.user("principal@lakeview.example").ledSchools().get(0);
        return needs.assessments(district).stream()
                .filter(a -> cedar.equals(a.schoolId()) && a.schoolYear() == 2025)
                .flatMap(a -> needs.needs(district, a.id()).stream())
                .filter(n -> n.status() == NeedSummary.Status.CONFIRMED || n.status() == NeedSummary.Status.CANDIDATE)
                .map(NeedSummary::id)
                .findFirst()
                .orElseThrow();
    }
}
