package org.lodestar.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestar.support.Browser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Page weight: chart code only where there is a chart, compressed responses, versioned assets cached for a year. The
 * first visit to the sign-in page and to the public scorecard stays under 300 KB; the main pages' weights are printed.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageWeightBrowserTest {

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
        browser.close();
    }

    @Test
    void theSignInPageIsLightAndLoadsNoChartCode() {
        var weight = Browser.weigh(browser.page(), "/login");
        assertThat(weight.bytes()).isLessThan(FIRST_VISIT_LIMIT);
        assertThat(weight.urls()).noneMatch(url -> url.contains("echarts"));
    }

    @Test
    void thePublicScorecardWithItsChartsStaysUnder300KbOnAFirstVisit() {
        Page page = browser.page();
        var weight = Browser.weigh(page, "/p/lakeview");
        assertThat(weight.urls()).anyMatch(url -> url.contains("echarts"));
        assertThat(page.locator("[data-chart-ready]").count()).isPositive();
        assertThat(weight.bytes()).isLessThan(FIRST_VISIT_LIMIT);
    }

    @Test
    void theMainSignedInPagesHaveTheirWeightPrinted() {
        Page page = browser.signedIn("planner@lakeview.example", Fixtures.PASSWORD);
        for (String path : new String[] {"/plans", "/scorecard", "/enrollment", "/publishing", "/account"}) {
            assertThat(Browser.weigh(page, path).bytes()).as(path).isPositive();
        }
    }

    @Test
    void assetsAreVersionedCachedForAYearAndPagesCompressed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        var login = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(login.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String html = new String(
                new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(login.body())).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        var css = java.util.regex.Pattern.compile("href=\"(/css/lodestar-[0-9a-f]{32}\\.css)\"")
                .matcher(html);
        assertThat(css.find()).as("a content-hashed stylesheet URL in " + html).isTrue();
        var asset = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + css.group(1)))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("max-age=31536000"));
    }
}
