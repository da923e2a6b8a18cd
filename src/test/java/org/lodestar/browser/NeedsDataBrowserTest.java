package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.needs.data.GrandBend;
import org.lodestar.support.Browser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A planner of a district with Grand Bend's schools uploads the Ed-Fi sample through the import page, sees what was
 * read, and opens chronic absenteeism by school and student group, small groups marked.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeedsDataBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PasswordEncoder passwords;

    private Browser browser;

    @BeforeAll
    void open() {
        GrandBend.district(fixtures.jdbc(), passwords);
        browser = new Browser(port);
    }

    @AfterAll
    void close() {
        // the refused upload answers 422, which the browser reports; nothing else may be
        assertThat(browser.consoleErrors())
                .allSatisfy(error -> assertThat(error).contains("422"));
        browser.close();
    }

    @Test
    void seeChronicAbsenteeismBySchoolAndGroup() throws URISyntaxException {
        List<Path> files = new ArrayList<>();
        for (String name : GrandBend.FILES) {
            files.add(Path.of(
                    getClass().getResource("/needs/edfi/grand-bend-isd/" + name).toURI()));
        }
        Page page = browser.signedIn(GrandBend.PLANNER, Fixtures.PASSWORD);
        page.navigate("/needs/data/import");
        page.setInputFiles("#files", files.toArray(Path[]::new));
        page.locator("[data-test=edfi-form] button[type=submit]").click();
        assertThat(page.locator("[data-test=edfi-counts]")).containsText("Read 8 files");
        assertThat(page.locator("[data-test=edfi-counts]")).containsText("about 960 students");
        Browser.screenshot(page, "needs-import");

        page.locator("[data-test=edfi-ok] a").click();
        page.selectOption("#metric", new SelectOption().setLabel("Chronic absenteeism"));
        page.selectOption("#year", new SelectOption().setLabel("2021-22"));
        page.locator("[data-test=data-filter] button[type=submit]").click();
        Locator middle = page.locator("[data-test=data-table] tr[data-school='Grand Bend Middle School']");
        assertThat(middle.locator("td[data-group=ALL]")).containsText("25");
        assertThat(middle.locator("td[data-group=ALL]")).containsText("n = 48");
        // 10 economically disadvantaged students, at the district's minimum n of 10: shown, not small
        assertThat(middle.locator("td[data-group=ECON]")).containsText("40");
        assertThat(middle.locator("td[data-group=ECON]")).not().containsText("small group");
        // 2 not economically disadvantaged: a small group, shown to the planning team but marked
        assertThat(middle.locator("td[data-group=NOT_ECON]")).containsText("small group");
        assertThat(page.locator("[data-test=data-table] tr[data-school='Grand Bend ISD'] td[data-group=ALL]"))
                .containsText("n = 227");
        assertThat(page.locator("[data-test=trend-table]")).containsText("2021-22");
        Browser.screenshot(page, "needs-data");

        String url = page.url().substring(page.url().indexOf("/needs/data"));
        assertThat(browser.accessibilityViolationsSignedIn(url, GrandBend.PLANNER, Fixtures.PASSWORD))
                .isEmpty();
        assertThat(browser.accessibilityViolationsSignedIn("/needs/data/import", GrandBend.PLANNER, Fixtures.PASSWORD))
                .isEmpty();
        assertThat(browser.accessibilityViolationsSignedIn("/needs/metrics", GrandBend.PLANNER, Fixtures.PASSWORD))
                .isEmpty();
    }

    @Test
    void aFiftyMegabyteUploadGetsAMessageNotAnErrorPage(@TempDir Path folder) throws Exception {
        Path big = folder.resolve("fifty-megabytes.csv");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(50L * 1024 * 1024);
        }
        Page page = browser.signedIn(GrandBend.PLANNER, Fixtures.PASSWORD);
        page.navigate("/needs/data/import?lang=es");
        page.setInputFiles("#file", big);
        page.locator("[data-test=table-form] button[type=submit]").click();
        assertThat(page.locator("[data-test=import-errors]"))
                .containsText("El archivo subido pesa más de 40 MB. Impórtelo en partes más pequeñas.");
    }

    /**
     * The demo district's chronic absenteeism at Harbor Alternative High over four years by group: a line per group but
     * students with disabilities (6 students) and English learners (9), small groups under the minimum n of 10, who are
     * in the table under the chart only.
     */
    @Test
    void theTrendIsAChartByGroupWithoutSmallGroups() {
        java.util.UUID district = fixtures.demoDistrict();
        String metric = fixtures.jdbc()
                .sql("select id from cna_metric where district_id = ? and code = 'CHRONIC_ABSENTEEISM'")
                .param(district)
                .query(String.class)
                .single();
        String harbor = fixtures.jdbc()
                .sql("select id from school where district_id = ? and name = 'Harbor Alternative High'")
                .param(district)
                .query(String.class)
                .single();
        Page page = browser.signedIn("planner@lakeview.example", Fixtures.PASSWORD);
        page.navigate("/needs/data?metric=" + metric);
        assertThat(page.locator("[data-test=data-chart][data-chart-ready=true]"))
                .hasCount(1);
        page.selectOption("#place", new SelectOption().setValue(harbor));
        page.locator("[data-test=data-filter] button[type=submit]").click();
        Locator chart = page.locator("[data-test=data-chart][data-chart-ready=true]");
        assertThat(chart).hasCount(1);
        assertThat(page.locator("h2", new Page.LocatorOptions().setHasText("Harbor Alternative High")))
                .hasCount(1);
        Locator rows = page.locator("[data-test=chart-table] tbody tr");
        assertThat(rows).hasCount(5);
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("small group")))
                .hasCount(2);
        String spec = chart.getAttribute("data-chart");
        assertThat(spec.split("\"type\":\"line\"", -1)).hasSize(4); // three lines: the small groups left out
        assertThat(spec).contains("2022-23", "2025-26");
        chart.scrollIntoViewIfNeeded();
        Browser.screenshot(page, "needs-data-chart");
        String url = page.url().substring(page.url().indexOf("/needs/data"));
        assertThat(browser.accessibilityViolationsSignedIn(url, "planner@lakeview.example", Fixtures.PASSWORD))
                .isEmpty();
    }
}
