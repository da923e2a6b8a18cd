package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestar.support.Browser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A board member asks for the strategic plan's briefing book, follows its progress on the page (htmx asks until it is
 * done) and downloads the PDF; in Spanish the form speaks Spanish.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BriefingBookBrowserTest {

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
    void aBoardMemberMakesTheBriefingBookAndDownloadsIt() throws Exception {
        Page page = browser.signedIn("board@lakeview.example", Fixtures.PASSWORD);
        page.click("nav >> text=Plans");
        page.click("text=Lakeview 2030: Every Student Ready");
        page.click("[data-test=briefing-link]");

        assertThat(page.locator("h1")).hasText("Briefing book");
        assertThat(page.locator("input[name=sections]:checked")).hasCount(6);
        Browser.screenshot(page, "briefing-form-en");
        page.navigate(page.url() + "?lang=es");
        assertThat(page.locator("h1")).hasText("Informe para la junta");
        Browser.screenshot(page, "briefing-form-es");
        page.navigate(page.url().replace("?lang=es", "?lang=en"));

        page.uncheck("input[name=sections][value=CHANGES]");
        page.selectOption("#schoolYear", "2025");
        page.click("form[data-test=briefing-form] button[type=submit]");
        Locator download = page.locator("[data-test=briefing-download]");
        assertThat(download)
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                        .setTimeout(120_000));
        assertThat(download).hasText("Download the PDF");
        Browser.screenshot(page, "briefing-done-en");

        Download file = page.waitForDownload(download::click);
        assertThat(file.suggestedFilename()).isEqualTo("Lakeview-2030-Every-Student-Ready-2025-26.pdf");
        byte[] bytes = Files.readAllBytes(file.path());
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
    }
}
