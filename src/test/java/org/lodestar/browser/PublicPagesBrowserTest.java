package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestar.support.Browser;
import org.lodestar.support.LodestarTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public scorecard as a family reads it, signed out: the summary with its chart and table, the contents, a school's
 * own page, and the print view laid out on paper; in English and Spanish, checked with axe.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesBrowserTest {

    private static final long FIRST_VISIT_LIMIT = 300 * 1024;

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
    void theSummaryComesFirstWithItsChartItsTableAndTheContents() {
        Page page = browser.page();
        page.navigate("/p/lakeview");
        assertThat(page.locator("h2").first()).hasText("Summary");
        assertThat(page.locator("[data-test=public-sentence]"))
                .containsText(Pattern.compile("\\d+ of \\d+ measures? (is|are) on track\\."));
        assertThat(page.locator("[data-test=public-latest-year]")).containsText("Latest school year with results");
        assertThat(page.locator(".goal-bars[data-chart-ready=true]")).isVisible();
        int goals = page.locator("[data-test=public-goal]").count();
        assertThat(goals).isPositive();
        assertThat(page.locator("[data-test=public-summary] tbody tr")).hasCount(goals);
        assertThat(page.locator("[data-test=public-contents] li")).hasCount(goals);

        // the contents lead to each goal's part of the page
        var second = page.locator("[data-test=public-contents] a").nth(1);
        String anchor = second.getAttribute("href");
        second.click();
        assertThat(page.url()).endsWith(anchor);
        assertThat(page.locator(anchor + " h2")).isInViewport();

        // the first key press reaches the skip link, which leads past the header to the content
        page.navigate("/p/lakeview");
        page.keyboard().press("Tab");
        assertThat(page.locator("a.skip")).isFocused();
        Browser.screenshot(page, "public-summary-en");
        assertThat(browser.accessibilityViolations("/p/lakeview", "en-US")).isEmpty();

        page.click("[data-test=language]");
        assertThat(page.locator("h2").first()).hasText("Resumen");
        assertThat(page.locator("[data-test=public-sentence]"))
                .containsText(Pattern.compile("\\d+ de \\d+ indicador(es)? van? en camino\\."));
        assertThat(page.locator(".goal-bars[data-chart-ready=true]")).isVisible();
        Browser.screenshot(page, "public-summary-es");
        assertThat(browser.accessibilityViolations("/p/lakeview?lang=es", "es")).isEmpty();
    }

    @Test
    void aSchoolsPageIsReachedFromTheListOfSchools() {
        Page page = browser.page();
        page.navigate("/p/lakeview");
        page.locator("[data-test=public-school-list] >> text=Cedar Elementary").click();
        assertThat(page.locator("h1")).hasText("Cedar Elementary: results at this school");
        assertThat(page.getByText("Grade 3 reading proficiency").first()).isVisible();
        assertThat(page.locator("[data-test=public-kpi] .chart[data-chart-ready=true]")
                        .first())
                .isVisible();
        assertThat(page.locator("[data-test=public-summary]")).isVisible();
        Browser.screenshot(page, "public-school-en");
        String path = page.url().replaceFirst("^http://[^/]+", "");
        assertThat(browser.accessibilityViolations(path, "en-US")).isEmpty();

        page.click("[data-test=language]");
        assertThat(page.locator("h1")).hasText("Cedar Elementary: resultados de esta escuela");
        assertThat(page.locator("h2").first()).hasText("Resumen");
        Browser.screenshot(page, "public-school-es");
        assertThat(browser.accessibilityViolations(path + "?lang=es", "es")).isEmpty();

        page.click("[data-test=district-scorecard]");
        assertThat(page.locator("[data-test=public-school-list]")).isVisible();

        var weight = Browser.weigh(browser.page(), path);
        assertThat(weight.bytes()).isLessThan(FIRST_VISIT_LIMIT);
    }

    @Test
    void thePrintViewPutsEachGoalOnAPageOfItsOwnWithTablesForCharts() throws Exception {
        Page page = browser.page();
        page.navigate("/p/lakeview");
        int goals = page.locator("[data-test=public-goal]").count();
        int kpis = page.locator("[data-test=public-kpi]").count();
        page.click("[data-test=print]");
        assertThat(page).hasURL(Pattern.compile("/p/lakeview/print$"));
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator(".chart")).hasCount(0);
        assertThat(page.locator("[data-test=language]")).hasCount(0);
        assertThat(page.locator("[data-test=public-goal]")).hasCount(goals);
        assertThat(page.locator("[data-test=public-values]")).hasCount(kpis);
        assertThat(page.locator("[data-test=public-summary]")).isVisible();
        assertThat(page.locator("[data-test=public-goal]").first().evaluate("e => getComputedStyle(e).breakBefore"))
                .isEqualTo("page");
        Browser.screenshot(page, "public-print-en");

        // on paper: the summary, then each goal from a new page
        Path pdf = Path.of("target/screenshots/public-print-en.pdf");
        page.pdf(new Page.PdfOptions().setPath(pdf).setFormat("Letter"));
        String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        long pages =
                Pattern.compile("/Type\\s*/Page[^s]").matcher(text).results().count();
        assertThat(pages).as("pages of the PDF").isGreaterThanOrEqualTo(goals + 1L);
        assertThat(browser.accessibilityViolations("/p/lakeview/print", "en-US"))
                .isEmpty();
    }
}
