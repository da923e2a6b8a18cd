package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestar.execution.mail.MailDelivery;
import org.lodestar.execution.updates.UpdateRequests;
import org.lodestar.support.Browser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An owner's updates end to end: a planner posts a check-in with an evidence file from an action's page; the daily run
 * asks the demo's phantom owner for her updates by mail (delivered over SMTP to GreenMail), she opens the mail's link
 * signed out, signs in, lands on the item's check-in form and answers; the planner's "who is behind" counts her one
 * item fewer; the admin reads the mail in the outbox.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpdatesBrowserTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UpdateRequests requests;

    @Autowired
    MailDelivery delivery;

    @Autowired
    GreenMail smtp;

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
    void aPlannerPostsACheckInWithAFileFromAnActionsPage() {
        UUID action = fixtures.any("""
                select s.id from strategy s join goal g on g.district_id = s.district_id and g.id = s.goal_id
                  join plan p on p.district_id = g.district_id and p.id = g.plan_id
                 where s.district_id = ? and s.removed_at is null and p.school_id is null and p.kind = 'IMPROVEMENT'
                 order by s.title limit 1""");
        Page page = browser.signedIn("planner@lakeview.example", Fixtures.PASSWORD);
        page.navigate("/actions/" + action);
        Locator latest = page.locator("[data-test=check-in-latest]");
        assertThat(latest).containsText("Updates");
        latest.locator("a", new Locator.LocatorOptions().setHasText("Post a check-in"))
                .click();

        assertThat(page.locator("[data-test=check-in-form]")).isVisible();
        page.check("input[name=status][value=AT_RISK]");
        page.fill("#whatHappened", "Coaches hired at four of six schools.");
        page.fill("#whatWeLearned", "Postings that close in May find fewer applicants.");
        page.fill("#whatChanges", "Post the last two in January.");
        page.setInputFiles("#files", new FilePayload("coach-schedule.png", "image/png", PNG));
        page.click("[data-test=check-in-form] button[type=submit]");

        assertThat(page.locator("[data-test=posted]")).hasText("Your check-in is saved.");
        Locator newest = page.locator("[data-test=check-in]").first();
        assertThat(newest).containsText("At risk");
        assertThat(newest).containsText("Coaches hired at four of six schools.");
        assertThat(newest.locator("[data-test=evidence] a")).hasText("coach-schedule.png");
        assertThat(page.locator("[data-test=freshness]")).containsText("Last updated");
        Browser.screenshot(page, "check-in");

        page.navigate(page.url() + "&lang=es");
        assertThat(page.locator("[data-test=check-in]").first()).containsText("En riesgo");
        Browser.screenshot(page, "check-in-es");
        page.navigate("/actions/" + action + "?lang=en");
        assertThat(browser.accessibilityViolationsSignedIn(
                        "/check-ins/new?item=action:" + action, "planner@lakeview.example", Fixtures.PASSWORD))
                .isEmpty();
    }

    @Test
    void theOwnerAnswersARequestFromItsLinkAndThePlannerSeesItOnWhoIsBehind() throws Exception {
        Page planner = browser.signedIn("planner@lakeview.example", Fixtures.PASSWORD);
        planner.navigate("/updates/behind");
        Locator grace = planner.locator("[data-test=by-person] tr", new Page.LocatorOptions().setHasText("Grace Kim"));
        int before = Integer.parseInt(grace.locator("td").nth(1).innerText().strip());
        assertThat(before).isGreaterThan(0);

        smtp.purgeEmailFromAllMailboxes();
        requests.run(fixtures.demoDistrict());
        delivery.deliverPending();
        String text = Arrays.stream(smtp.getReceivedMessages())
                .map(org.lodestar.execution.MailPartsAccess::of)
                .filter(mail -> mail[0].equals("grace.kim@lakeview.example") && mail[1].startsWith("Update requested"))
                .map(mail -> mail[2])
                .findFirst()
                .orElseThrow();
        Matcher link = Pattern.compile("http://localhost:8080(/check-ins/new\\?item=\\S+)")
                .matcher(text);
        assertThat(link.find()).isTrue();

        Page owner = browser.page();
        owner.navigate(link.group(1));
        assertThat(owner).hasURL(Pattern.compile(".*/login$"));
        owner.fill("#username", "grace.kim@lakeview.example");
        owner.fill("#password", Fixtures.PASSWORD);
        owner.click("main button[type=submit]");
        owner.waitForURL(Pattern.compile(".*/check-ins/new\\?item=.*"));
        owner.check("input[name=status][value=ON_TRACK]");
        owner.fill("#whatHappened", "Devices delivered to every middle school.");
        owner.click("[data-test=check-in-form] button[type=submit]");
        assertThat(owner.locator("[data-test=posted]")).isVisible();

        planner.navigate("/updates/behind");
        Locator after = planner.locator("[data-test=by-person] tr", new Page.LocatorOptions().setHasText("Grace Kim"));
        assertThat(after.locator("td").nth(1)).hasText(String.valueOf(before - 1));
        Browser.screenshot(planner, "who-is-behind");
        after.locator("a").click();
        assertThat(planner.locator("h2", new Page.LocatorOptions().setHasText("Items behind: Grace Kim")))
                .isVisible();
        planner.navigate("/updates/behind?lang=es");
        assertThat(planner.locator("h1")).hasText("Quién va atrasado");
        Browser.screenshot(planner, "who-is-behind-es");
        planner.navigate("/updates/behind?lang=en");

        Page admin = browser.signedIn("admin@lakeview.example", Fixtures.PASSWORD);
        admin.navigate("/admin/outbox");
        Locator mail = admin.locator("[data-test=outbox-mail]", new Page.LocatorOptions().setHasText("grace.kim@"))
                .filter(new Locator.FilterOptions().setHasText("Update requested"));
        assertThat(mail.first()).containsText("Sent");
        Browser.screenshot(admin, "outbox");
        mail.first().locator("a").click();
        assertThat(admin.locator("[data-test=mail-text]")).containsText("/check-ins/new?item=");
        assertThat(browser.accessibilityViolationsSignedIn(
                        "/updates/behind", "planner@lakeview.example", Fixtures.PASSWORD))
                .isEmpty();
        assertThat(browser.accessibilityViolationsSignedIn(
                        "/admin/outbox", "admin@lakeview.example", Fixtures.PASSWORD))
                .isEmpty();
    }
}
