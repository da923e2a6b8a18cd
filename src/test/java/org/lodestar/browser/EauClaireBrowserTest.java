package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestar.directory.domain.DistrictSetup;
import org.lodestar.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a new district does first: import the real Eau Claire file (a bad row is reported and nothing is saved), add
 * births, read the forecast and its accuracy, and build a scenario.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lodestar.demo.enabled=false", "lodestar.data-dir=target/test-data-eau-claire"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EauClaireBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    DistrictSetup setup;

    private Browser browser;

    @BeforeAll
    void open() {
        setup.create("Eau Claire Area School District", "ecasd", "Analyst", "analyst@ecasd.example", "a-long-password");
        browser = new Browser(port);
    }

    @AfterAll
    void close() {
        browser.close();
    }

    private Path copy(String resource, String name) throws Exception {
        Path file = Files.createTempDirectory("eau-claire").resolve(name);
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @Test
    void importsTheFileSeesTheForecastAndItsAccuracyAndBuildsAScenario() throws Exception {
        Page page = browser.signedIn("analyst@ecasd.example", "a-long-password");
        page.click("nav >> text=Enrollment");
        assertThat(page.getByText("There is no enrollment history yet.")).isVisible();

        Path file = copy("/enrollment/eau-claire/ecasd_school_grade_1998_2024.csv", "ecasd_school_grade_1998_2024.csv");
        Path bad = file.resolveSibling("with-a-bad-row.csv");
        Files.writeString(bad, Files.readString(file) + "2024,2024-25,Flynn,13,40,2\n");
        page.navigate("/enrollment/import");
        page.setInputFiles("#file", bad);
        page.check("input[name=addSchools]");
        page.click("[data-test=history-form] button");
        assertThat(page.locator("[data-test=import-errors]")).containsText("grade \"13\" is not PK, K or 1-12");
        assertThat(page.locator("[data-test=import-errors] td").first()).hasText("2072");

        page.setInputFiles("#file", file);
        page.click("[data-test=history-form] button");
        assertThat(page.locator("[data-test=import-errors]"))
                .containsText("The district has no school named or numbered \"Boyd\".");

        page.setInputFiles("#file", file);
        page.check("input[name=addSchools]");
        page.click("[data-test=history-form] button");
        assertThat(page.locator("[data-test=import-ok]")).containsText("Recorded 2,070 counts");
        assertThat(page.locator("[data-test=import-ok]")).containsText("16 schools added");

        page.setInputFiles("#births", copy("/enrollment/eau-claire/ecasd_births_1995_2019.csv", "births.csv"));
        page.click("[data-test=births-form] button");
        assertThat(page.locator("[data-test=births-result]")).containsText("Recorded births for 25 years");

        page.navigate("/enrollment");
        assertThat(page.locator("[data-test=schools]")).containsText("Flynn");
        assertThat(page.locator("[data-test=schools]")).not().containsText("Boyd"); // closed in 2001
        assertThat(page.locator("[data-test=schools] tbody tr")).hasCount(12);
        assertThat(page.locator("[data-test=accuracy] tbody tr")).hasCount(5);
        assertThat(page.locator("[data-test=enrollment-chart][data-chart-ready=true]"))
                .hasCount(1);
        Browser.screenshot(page, "eau-claire-forecast");

        page.navigate("/enrollment/scenarios");
        page.fill("input[name=name]", "Flynn to Putnam Heights");
        page.selectOption("select[name=kind]", "BOUNDARY");
        page.fill("input[name=fromYear]", "2026");
        page.selectOption(
                "select[name=schoolId]", new com.microsoft.playwright.options.SelectOption().setLabel("Flynn"));
        page.selectOption(
                "select[name=otherSchoolId]",
                new com.microsoft.playwright.options.SelectOption().setLabel("Putnam Heights"));
        page.fill("input[name=sharePercent]", "20");
        page.click("main form button:has-text('Add the scenario')");
        assertThat(page.locator("[data-test=comparison] tbody tr")).hasCount(2);
        // a boundary change moves students between schools: the district total stays the same
        assertThat(page.locator("[data-test=comparison] tbody tr")
                        .nth(1)
                        .locator("td")
                        .nth(2))
                .hasText(page.locator("[data-test=comparison] tbody tr")
                        .nth(0)
                        .locator("td")
                        .nth(2)
                        .innerText());
        Browser.screenshot(page, "eau-claire-scenarios");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
