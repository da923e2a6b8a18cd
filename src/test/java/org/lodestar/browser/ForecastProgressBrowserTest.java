package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestar.enrollment.domain.EnrollmentForecasts;
import org.lodestar.support.Browser;
import org.lodestar.support.Fixtures;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

/**
 * While a forecast is computed, enrollment pages show progress and reload themselves when it is ready. The forecast
 * worker here is a real thread that starts each run only once the test lets it, so the progress page can be seen.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lodestar.data-dir=target/test-data-progress", "spring.main.allow-bean-definition-overriding=true"
        })
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForecastProgressBrowserTest {

    static final CountDownLatch GO = new CountDownLatch(1);

    @TestConfiguration
    static class HeldWorker {
        @Bean(name = EnrollmentForecasts.FORECAST_WORKER)
        Executor enrollmentForecastWorker() {
            Executor thread = Executors.newSingleThreadExecutor();
            return task -> thread.execute(() -> {
                try {
                    GO.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                task.run();
            });
        }
    }

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
    void showsProgressThenTheForecastWithoutAReload() {
        Page page = browser.signedIn("planner@lakeview.example", Fixtures.PASSWORD);
        page.navigate("/enrollment");
        assertThat(page.locator("[data-test=computing]")).isVisible();
        // the progress page is a page of the site like any other: header, navigation, the person's name
        assertThat(page.locator("header nav")).containsText("Scorecard");
        Browser.screenshot(page, "enrollment-computing");
        GO.countDown();
        assertThat(page.locator("[data-test=forecast-totals]"))
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                        .setTimeout(20_000));
        assertThat(page.locator("[data-test=computing]")).hasCount(0);
    }
}
