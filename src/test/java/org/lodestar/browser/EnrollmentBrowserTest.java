package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.lodestar.support.Browser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A planner's enrollment work in a real browser: the demo district's forecast and its accuracy, a school's grades,
 * correcting a count by import (first with a bad row), scenarios side by side, staffing and capacity.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnrollmentBrowserTest {

    @LocalServerPort
    int port;

    private Browser browser;
    private Page page;

    @BeforeAll
    void open() {
        browser = new Browser(port);
        page = browser.signedIn("admin@lakeview.example", Fixtures.PASSWORD);
    }

    @AfterAll
    void close() {
        assertThat(browser.consoleErrors()).isEmpty();
        browser.close();
    }

    @Test
    @Order(1)
    void theDistrictForecastShowsItsBandsAndAccuracy() {
        page.click("nav >> text=Enrollment");
        assertThat(page.locator("h1")).hasText("Enrollment");
        assertThat(page.locator("[data-test=enrollment-chart][data-chart-ready=true]"))
                .hasCount(1);
        assertThat(page.locator("[data-test=forecast-totals] tbody tr")).hasCount(5);
        assertThat(page.locator("[data-test=accuracy] tbody tr")).not().hasCount(0);
        assertThat(page.locator("[data-test=schools]")).containsText("Cedar Elementary");
        Browser.screenshot(page, "enrollment-overview");

        page.click("[data-test=schools] >> text=Lakeview High");
        assertThat(page.locator("h1")).hasText("Lakeview High");
        assertThat(page.locator("[data-test=grades] tbody tr")).hasCount(4);
        assertThat(page.locator("[data-test=school-chart][data-chart-ready=true]"))
                .hasCount(1);
        Browser.screenshot(page, "enrollment-school");
    }

    @Test
    @Order(2)
    void correctsACountByImportAfterABadRowIsReported() throws Exception {
        Path file = Files.createTempFile("counts", ".csv");
        Files.writeString(file, "school_id,year,grade,count\nCedar Elementary,2025,K,88\nLV-002,2025,K,-3\n");
        page.navigate("/enrollment/import");
        page.setInputFiles("#file", file);
        page.click("[data-test=history-form] button");
        assertThat(page.locator("[data-test=import-errors]")).containsText("count \"-3\" is not a whole number from 0");
        assertThat(page.locator("[data-test=import-errors] td").first()).hasText("3");
        Browser.screenshot(page, "enrollment-import-errors");

        Files.writeString(file, "school_id,year,grade,count\nCedar Elementary,2025,K,88\n");
        page.setInputFiles("#file", file);
        page.click("[data-test=history-form] button");
        assertThat(page.locator("[data-test=import-ok]")).containsText("Recorded 1 counts from");
        page.navigate("/enrollment");
        page.click("[data-test=schools] >> text=Cedar Elementary");
        assertThat(page.locator("[data-test=grades] tbody tr").first()).containsText("88");

        // the grid corrects counts in place: a bad cell refuses the whole grid
        page.fill("input[name=c_2025_1]", "many");
        page.fill("input[name=c_2026_K]", "90");
        page.click("[data-test=grid] button");
        assertThat(page.locator("[data-test=grid-errors]")).isVisible();
        assertThat(page.locator("input[name=c_2025_1]")).hasAttribute("aria-invalid", "true");
        page.fill("input[name=c_2025_1]", "91");
        page.click("[data-test=grid] button");
        assertThat(page.getByText("Counts saved; the forecast is recomputed.")).isVisible();
        assertThat(page.locator("input[name=c_2025_1]")).hasValue("91");
        assertThat(page.locator("input[name=c_2026_K]")).hasValue("90");
        Browser.screenshot(page, "enrollment-grid");
    }

    @Test
    @Order(3)
    void buildsAScenarioAndComparesItWithTheBase() {
        page.navigate("/enrollment/scenarios");
        page.fill("input[name=name]", "Riverside Commons homes");
        page.selectOption("select[name=kind]", "HOUSING");
        // the form shows the fields of the chosen kind only
        assertThat(page.locator("input[name=units]")).isVisible();
        assertThat(page.locator("input[name=sharePercent]")).isHidden();
        assertThat(page.locator("select[name=otherSchoolId]")).isHidden();
        page.fill("input[name=fromYear]", "2027");
        page.selectOption(
                "select[name=schoolId]",
                new com.microsoft.playwright.options.SelectOption().setLabel("Cedar Elementary"));
        page.click("main form button:has-text('Add the scenario')");
        assertThat(page.locator("[data-test=scenario-errors]")).containsText("New housing needs units");

        page.fill("input[name=name]", "Riverside Commons homes");
        page.selectOption("select[name=kind]", "HOUSING");
        page.fill("input[name=fromYear]", "2027");
        page.selectOption(
                "select[name=schoolId]",
                new com.microsoft.playwright.options.SelectOption().setLabel("Cedar Elementary"));
        page.fill("input[name=units]", "400");
        page.fill("input[name=elementary]", "0.3");
        page.fill("input[name=middle]", "0");
        page.fill("input[name=high]", "0");
        page.click("main form button:has-text('Add the scenario')");

        page.fill("input[name=name]", "Charter opens");
        page.selectOption("select[name=kind]", "CHARTER");
        assertThat(page.locator("input[name=units]")).isHidden();
        assertThat(page.locator("input[name=sharePercent]")).isVisible();
        page.fill("input[name=fromYear]", "2026");
        page.fill("input[name=sharePercent]", "8");
        page.click("main form button:has-text('Add the scenario')");

        var rows = page.locator("[data-test=comparison] tbody tr");
        assertThat(rows).hasCount(3);
        assertThat(rows.nth(0)).containsText("Base forecast");
        String base = rows.nth(0).locator("td").last().innerText();
        String charter = page.locator("[data-test=comparison] tr:has-text('Charter opens') td")
                .nth(4)
                .innerText();
        String housing = page.locator("[data-test=comparison] tr:has-text('Riverside Commons homes') td")
                .nth(4)
                .innerText();
        assertThat(number(charter))
                .isLessThan(number(page.locator("[data-test=comparison] tbody tr")
                        .nth(0)
                        .locator("td")
                        .nth(4)
                        .innerText()));
        assertThat(number(housing))
                .isGreaterThan(number(page.locator("[data-test=comparison] tbody tr")
                        .nth(0)
                        .locator("td")
                        .nth(4)
                        .innerText()));
        assertThat(base).isEmpty(); // the base row has no delete button
        Browser.screenshot(page, "enrollment-scenarios");
    }

    @Test
    @Order(4)
    void showsStaffingAndCapacity() {
        page.navigate("/enrollment/staffing");
        assertThat(page.locator("[data-test=staffing]")).containsText("teachers");
        assertThat(page.locator("[data-test=staffing-chart][data-chart-ready=true]"))
                .hasCount(1);
        page.fill("input[name=ratioK3]", "0");
        page.click("main form button:has-text('Save')");
        assertThat(page.getByText("Class-size ratios go from 1 to 100 students"))
                .isVisible();
        page.fill("input[name=ratioK3]", "18");
        page.click("main form button:has-text('Save')");
        assertThat(page.locator("input[name=ratioK3]")).hasValue("18");
        Browser.screenshot(page, "enrollment-staffing");
        assertThat(browser.accessibilityViolationsSignedIn("/enrollment", "admin@lakeview.example", Fixtures.PASSWORD))
                .isEmpty();
    }

    private static double number(String text) {
        return Double.parseDouble(text.replace(",", "").strip());
    }
}
