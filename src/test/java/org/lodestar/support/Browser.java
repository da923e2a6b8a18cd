package org.lodestar.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Headless Debian Chromium driven by Playwright, with the flags this machine's closed network needs. It collects the
 * browser console's errors (a Content-Security-Policy violation shows there) and checks pages with axe-core.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("lodestar.chromium", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final String baseUrl;
    private final List<String> consoleErrors = new ArrayList<>();

    public Browser(int port) {
        assertThat(CHROMIUM)
                .as("Chromium is needed for the browser tests: apt-get install chromium (see README)")
                .exists();
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
        baseUrl = "http://localhost:" + port;
    }

    /** A fresh, signed-out browser window in English. */
    public Page page() {
        BrowserContext context = browser.newContext(
                new NewContextOptions().setBaseURL(baseUrl).setLocale("en-US").setViewportSize(1280, 900));
        Page page = context.newPage();
        page.setDefaultTimeout(15_000);
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(page.url() + ": " + message.text());
            }
        });
        return page;
    }

    public Page signedIn(String email, String password) {
        Page page = page();
        page.navigate("/login");
        page.fill("#username", email);
        page.fill("#password", password);
        page.click("button[type=submit]");
        page.waitForURL(baseUrl + "/"); // sign-in lands on the person's home page
        return page;
    }

    /**
     * What navigating to a page transfers (response headers and compressed bodies, everything the page loads, charts
     * included), printed so that anyone can follow page weight in the test output. In a fresh window this is a first
     * visit; in a signed-in one, what the page costs once the sign-in page's assets are cached.
     */
    public static Weight weigh(Page page, String path) {
        List<Request> finished = new ArrayList<>();
        java.util.function.Consumer<Request> listener = finished::add;
        page.onRequestFinished(listener);
        page.navigate(path);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.offRequestFinished(listener);
        long bytes = 0;
        List<String> urls = new ArrayList<>();
        for (Request request : finished) {
            var sizes = request.sizes();
            bytes += sizes.responseBodySize + sizes.responseHeadersSize;
            urls.add(request.url());
        }
        System.out.printf("page weight %-45s %,9d bytes in %d requests%n", path, bytes, finished.size());
        return new Weight(bytes, urls);
    }

    public record Weight(long bytes, List<String> urls) {}

    /**
     * Edit mode of an adopted plan asks why first: answers with {@code reason} when the page asks, so that a test
     * that edits a plan goes on to edit mode either way.
     */
    public static void giveReasonIfAsked(Page page, String reason) {
        page.waitForLoadState();
        if (page.url().contains("/reason")) {
            page.fill("textarea[name=reason]", reason);
            page.click("form[data-test=reason-form] button[type=submit]");
            page.waitForURL("**mode=edit*");
        }
    }

    /**
     * On a goal's or an action's page of an adopted plan, says why the plan changes if the page asks first, and waits
     * to be back on the page with its forms.
     */
    public static void sayWhyOnPage(Page page, String reason) {
        page.waitForLoadState();
        if (page.locator("[data-test=reason-first]").count() > 0) {
            String back = page.url();
            page.click("[data-test=reason-first] a");
            page.fill("textarea[name=reason]", reason);
            page.click("form[data-test=reason-form] button[type=submit]");
            page.waitForURL(back);
        }
    }

    public static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    /**
     * The WCAG 2.1 A and AA rules that axe-core finds broken on a page, as "rule: help (elements)" lines. The page is
     * opened in a window that lets axe's script in: the Content-Security-Policy is checked in every other window.
     */
    public List<String> accessibilityViolations(String path, String language) {
        try (BrowserContext context = axeContext(language)) {
            Page page = context.newPage();
            page.navigate(path);
            return axe(page);
        }
    }

    /** The same check for a signed-in page: signs in first in the checking window. */
    public List<String> accessibilityViolationsSignedIn(String path, String email, String password) {
        try (BrowserContext context = axeContext("en-US")) {
            Page page = context.newPage();
            page.navigate("/login");
            page.fill("#username", email);
            page.fill("#password", password);
            page.click("main button[type=submit]");
            page.waitForURL(baseUrl + "/");
            page.navigate(path);
            return axe(page);
        }
    }

    private BrowserContext axeContext(String language) {
        return browser.newContext(
                new NewContextOptions().setBaseURL(baseUrl).setBypassCSP(true).setLocale(language));
    }

    @SuppressWarnings("unchecked")
    private static List<String> axe(Page page) {
        try (InputStream axe =
                Browser.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            page.addScriptTag(
                    new Page.AddScriptTagOptions().setContent(new String(axe.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return (List<String>)
                page.evaluate(
                        "async () => (await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}))"
                                + ".violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')')");
    }

    public List<String> consoleErrors() {
        return consoleErrors;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
