package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestar.support.Browser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A planner pastes families' comments, follows the finding of their themes, sees each theme's label, size and
 * representative comments, merges two themes, moves a comment, hides one, and publishes a "you said, we did" entry that
 * a family reads signed out, in Spanish, on the district's public page.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThemesBrowserTest {

    static final String COMMENTS = String.join(
            "\n",
            "The school bus is late almost every morning.",
            "Bus routes take far too long for our kids.",
            "The bus driver skipped our stop twice this month.",
            "Please fix the late buses on the north route.",
            "Too much homework every night for young children.",
            "Homework takes hours and leaves no time for family.",
            "Less homework please, the kids are exhausted.",
            "The amount of homework is overwhelming.",
            "The cafeteria food is cold and not healthy.",
            "School lunches need more fresh fruit and vegetables.",
            "Lunch portions are too small for teenagers.",
            "Healthier cafeteria meals would help students focus.",
            // ten comments a topic: themes hold about the district's minimum n (10) comments each
            "Our bus comes so early that my son waits in the dark.",
            "The afternoon bus drops the children off an hour late.",
            "We never know when the bus will actually arrive.",
            "My daughter missed the first class because the bus broke down.",
            "Please add another bus so the ride is not so crowded.",
            "The bus schedule changed without any notice to parents.",
            "Homework every weekend means we cannot rest as a family.",
            "My child cries over homework she does not understand.",
            "Homework should be practice, not new lessons parents must teach.",
            "Four hours of homework a night is too much for fifth graders.",
            "Could teachers agree on one homework night per subject?",
            "Homework piles up before every holiday.",
            "The lunch line is so long that kids have ten minutes to eat.",
            "Please offer a vegetarian lunch every day.",
            "Lunch tastes better when it is cooked at school.",
            "My son comes home hungry because lunch was too small.",
            "The cafeteria runs out of the main dish for the last lunch group.",
            "Fresh salad at lunch would be a welcome change.");

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
    void aPlannerFindsThemesEditsThemAndPublishesWhatThePlanChanged() {
        Page page = browser.signedIn("planner@lakeview.example", Fixtures.PASSWORD);
        page.click("nav >> text=Needs");
        page.click("[data-test=nav-themes]");
        assertThat(page.locator("h1")).hasText("Themes");
        page.click("[data-test=paste-link]");
        page.fill("#title", "Family comments from the spring meetings");
        page.selectOption("#audience", "FAMILIES");
        page.fill("#comments", COMMENTS);
        page.click("form[data-test=paste-form] button[type=submit]");

        // the page follows the run and reloads itself with the themes when it is done
        assertThat(page.locator("[data-test=run-changes]"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(120_000));
        Locator themes = page.locator("article[data-test=theme]");
        // as many themes as the run says it made (the count waits for the page to show them all)
        int found = Integer.parseInt(
                page.locator("[data-test=run-changes]").innerText().replaceAll("(?s).*made (\\d+) new themes.*", "$1"));
        assertThat(themes).hasCount(found);
        assertThat(found).isGreaterThanOrEqualTo(2);
        assertThat(themes.first().locator("[data-test=theme-label]")).not().hasText("");
        assertThat(themes.first().locator("[data-test=theme-size]")).containsText("comments");
        assertThat(themes.first().locator("[data-test=representative]").first()).isVisible();
        assertThat(themes.first().locator("[data-test=theme-shares]")).containsText("Parents and families 100%");
        Browser.screenshot(page, "themes");

        // merge the second theme into the first
        Locator second = themes.nth(1);
        second.locator("details summary").first().click();
        second.locator("form[data-test=merge] button").click();
        page.waitForLoadState();
        assertThat(page.locator("article[data-test=theme]")).hasCount(found - 1);

        // move a comment of the first theme to another one: it is pinned
        Locator first = page.locator("article[data-test=theme]").first();
        first.locator("details[data-test=comments] summary").click();
        first.locator("form[data-test=move] button").first().click();
        page.waitForLoadState();
        assertThat(page.locator("[data-test=comment] mark").first()).hasText("pinned");

        // hide a comment that names a student
        first = page.locator("article[data-test=theme]").first();
        first.locator("details[data-test=comments] summary").click();
        first.locator("form[data-test=hide] button").first().click();
        page.waitForLoadState();
        assertThat(page.locator("[data-test=hidden-comment]")).hasCount(1);

        // write and publish what the plan changed
        first = page.locator("article[data-test=theme]").first();
        first.locator("details[data-test=you-said] summary").click();
        Locator form = first.locator("form[data-test=you-said-form]");
        form.locator("textarea[name=heardEn]").fill("Families told us what gets in the way of learning.");
        form.locator("textarea[name=heardEs]").fill("Las familias nos dijeron qué dificulta el aprendizaje.");
        form.locator("textarea[name=didEn]").fill("The plan now funds the changes families asked for.");
        form.locator("textarea[name=didEs]").fill("El plan ahora financia los cambios que pidieron las familias.");
        form.locator("select[name=quote]")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        form.locator("button[type=submit]").click();
        page.waitForLoadState();
        first = page.locator("article[data-test=theme]").first();
        first.locator("form[data-test=publish] button").click();
        page.waitForLoadState();
        assertThat(page.locator("article[data-test=theme]").first().locator("form[data-test=publish] mark"))
                .hasText("published");

        // a family reads it signed out, in Spanish
        Page family = browser.page();
        family.navigate("/p/lakeview/you-said-we-did?lang=es");
        assertThat(family.locator("h1")).containsText("Ustedes dijeron, nosotros hicimos");
        assertThat(family.locator("[data-test=you-said-public]").first())
                .containsText("El plan ahora financia los cambios que pidieron las familias.");
        assertThat(family.locator("[data-test=you-said-quote]").first()).isVisible();
        assertThat(family.locator("form")).hasCount(0);
        Browser.screenshot(family, "you-said-we-did");

        assertThat(browser.accessibilityViolations("/p/lakeview/you-said-we-did?lang=es", "es"))
                .isEmpty();
        String set = page.url().replaceAll("^https?://[^/]+", "").replaceAll("#.*$", "");
        for (String path : java.util.List.of(set, "/themes", "/themes/paste")) {
            assertThat(browser.accessibilityViolationsSignedIn(path, "planner@lakeview.example", Fixtures.PASSWORD))
                    .as(path)
                    .isEmpty();
        }
    }
}
