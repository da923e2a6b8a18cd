package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestar.support.Browser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The required plans as an admin meets them: the list from the plans page, a framework's components in English and
 * Spanish, a component's wording corrected as a new version, and a broken file refused line by line.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceBrowserTest {

    @LocalServerPort
    int port;

    private Browser browser;

    @BeforeAll
    void open() {
        browser = new Browser(port);
    }

    @AfterAll
    void close() {
        // the refused import answers 422, which the browser reports; nothing else may be
        assertThat(browser.consoleErrors())
                .allSatisfy(error -> assertThat(error).contains("422"));
        browser.close();
    }

    @Test
    void anAdminReadsAFrameworkAndCorrectsAComponent() {
        Page page = browser.signedIn("admin@lakeview.example", Fixtures.PASSWORD);
        page.click("nav >> text=Plans");
        page.click("[data-test=required-plans]");
        assertThat(page.locator("h1")).hasText("Required plans");
        assertThat(page.locator("[data-test=frameworks] tbody tr").count()).isGreaterThanOrEqualTo(15);
        Browser.screenshot(page, "compliance-list-en");

        page.click("text=Title I, Part A schoolwide program plan");
        assertThat(page.locator("#component-SW-03 h3")).containsText("Comprehensive needs assessment");
        assertThat(page.locator("#component-SW-08 mark")).hasText("to be checked");
        Browser.screenshot(page, "compliance-framework-en");

        page.locator("#component-SW-03").locator("text=Edit").click();
        page.fill("#titleEn", "Comprehensive needs assessment of the whole school, with every student group");
        page.click("main button[type=submit]");
        assertThat(page.locator("[role=status]")).containsText("Saved as a new version");
        assertThat(page.locator("#component-SW-03 h3")).containsText("with every student group");
        assertThat(page.locator("table.compact tbody tr").first()).containsText("admin@lakeview.example");

        page.navigate("/compliance/title-i-schoolwide?lang=es");
        assertThat(page.locator("h1")).hasText("Plan de programa schoolwide de Título I, Parte A");
        assertThat(page.locator("#component-SW-08 mark")).hasText("por verificar");
        Browser.screenshot(page, "compliance-framework-es");
        assertThat(browser.accessibilityViolationsSignedIn(
                        "/compliance/title-i-schoolwide", "admin@lakeview.example", Fixtures.PASSWORD))
                .isEmpty();
    }

    @Test
    void aBrokenFrameworkFileIsRefusedLineByLine() {
        Page page = browser.signedIn("admin@lakeview.example", Fixtures.PASSWORD);
        page.navigate("/compliance");
        String broken = """
                {
                  "code": "wi-reading",
                  "version": 1,
                  "jurisdiction": "WI",
                  "level": "SCHOOL",
                  "citation": "Wis. Stat. 118.016",
                  "title": {"en": "Reading readiness plan"},
                  "components": [
                    {"code": "R-1", "title": {"en": "Screening"}, "requirement": {"en": "Screen K-3."},
                     "citation": "118.016(1)", "level": "SCHOOL", "funds": ["state aid"], "toBeChecked": false, "sources": []},
                    {"code": "R-1", "title": {"en": "Again"}, "requirement": {"en": "Twice."},
                     "citation": "118.016(2)", "level": "SCHOOL", "funds": [], "toBeChecked": false, "sources": []}
                  ]
                }
                """;
        page.setInputFiles(
                "#file", new FilePayload("reading.json", "application/json", broken.getBytes(StandardCharsets.UTF_8)));
        page.click("text=Import >> nth=-1");

        assertThat(page.locator("[data-test=import-errors]")).containsText("Nothing from reading.json was imported");
        assertThat(page.locator("[data-test=import-errors] tbody tr")).hasCount(2);
        assertThat(page.locator("[data-test=import-errors] tbody tr").nth(0)).containsText("9");
        assertThat(page.locator("[data-test=import-errors] tbody tr").nth(1))
                .containsText("The component code R-1 is used twice.");
        assertThat(page.locator("[data-test=frameworks]")).not().containsText("Reading readiness plan");
        Browser.screenshot(page, "compliance-import-refused-en");
    }
}
