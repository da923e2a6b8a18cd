package org.lodestar.execution.hooks;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestar.support.Browser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In the browser: an admin finds Webhooks under Settings, is told what is wrong with an empty form, registers one,
 * copies its secret shown once and sends a test ping; a teacher makes a calendar feed link on the account page and a
 * calendar program (a request without a session) reads it. Both pages meet WCAG 2.1 AA.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HooksBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    private Browser browser;

    @BeforeAll
    void open() {
        browser = new Browser(port);
    }

    @AfterAll
    void close() {
        // the refused form answers 422, which the browser reports; nothing else may be
        assertThat(browser.consoleErrors())
                .allSatisfy(error -> assertThat(error).contains("422"));
        browser.close();
        fixtures.jdbc().sql("delete from webhook").update();
    }

    @Test
    void anAdminRegistersAWebhookAndSendsATestPing() {
        Page page = browser.signedIn("admin@lakeview.example", Fixtures.PASSWORD);
        page.click("nav >> text=Settings");
        page.click("[data-test=webhooks-link]");
        assertThat(page.locator("h1")).hasText("Webhooks");
        page.click("[data-test=webhook-form] button[type=submit]");
        assertThat(page.locator("[data-test=webhook-refused]")).isVisible();
        assertThat(page.locator("#url-error")).hasText("Enter the URL Lodestar posts to.");

        page.fill("#webhook-url", "http://127.0.0.1:9/lodestar");
        page.check("input[value=CHECK_IN_POSTED]");
        page.check("input[value=KPI_STATUS_CHANGED]");
        page.click("[data-test=webhook-form] button[type=submit]");
        assertThat(page.locator("[data-test=webhook-secret] code"))
                .hasText(java.util.regex.Pattern.compile("[0-9a-f]{64}"));
        page.click("[data-test=webhook-ping]");
        assertThat(page.locator("[data-test=webhook-pinged]")).isVisible();
        assertThat(page.locator("[data-test=webhook-delivery]")).containsText("ping");
        assertThat(page.locator("[data-test=webhook-secret]")).hasCount(0);
        Browser.screenshot(page, "webhook");
        String path = page.url().substring(page.url().indexOf("/admin/"));
        assertThat(browser.accessibilityViolationsSignedIn(path, "admin@lakeview.example", Fixtures.PASSWORD))
                .isEmpty();
        assertThat(browser.accessibilityViolationsSignedIn(
                        "/admin/webhooks", "admin@lakeview.example", Fixtures.PASSWORD))
                .isEmpty();
    }

    @Test
    void aTeacherMakesACalendarFeedLinkThatACalendarProgramReads() {
        Page page = browser.signedIn("teacher@lakeview.example", Fixtures.PASSWORD);
        page.navigate("/account");
        page.click("[data-test=calendar-feed-link]");
        assertThat(page.locator("[data-test=calendar-none]")).isVisible();
        page.click("[data-test=calendar-create]");
        String link = page.locator("[data-test=calendar-link] code").textContent();
        assertThat(link).matches("http://localhost:\\d+/calendar/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(page.locator("[data-test=calendar-active]")).isVisible();
        Browser.screenshot(page, "calendar-feed");

        APIResponse feed = browser.page().request().get(link);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.text()).startsWith("BEGIN:VCALENDAR\r\n");

        page.click("[data-test=calendar-revoke]");
        assertThat(page.locator("[data-test=calendar-revoked]")).isVisible();
        assertThat(browser.page().request().get(link).status()).isEqualTo(404);
        assertThat(browser.accessibilityViolationsSignedIn(
                        "/account/calendar", "teacher@lakeview.example", Fixtures.PASSWORD))
                .isEmpty();
    }
}
