package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Files;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestar.engagement.conversations.ConversationData;
import org.lodestar.needs.domain.CnaStore;
import org.lodestar.support.Browser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A planner plans the three-stage conversation of a needs assessment, sets up and holds its first session, opens,
 * prints and downloads its data pack (where a small group's value shows nowhere), and records the decision of the last
 * stage as a new action, whose page then says where it came from.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationBrowserTest {

    private static final String PLANNER = "planner@lakeview.example";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CnaStore cna;

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
    void aPlannerHoldsAConversationSharesItsDataPackAndTurnsADecisionIntoAnAction() throws Exception {
        ConversationData.Made made =
                ConversationData.assessment(cna, fixtures.jdbc(), fixtures.demoDistrict(), null, 2021);
        String conversation = "/needs/assessments/" + made.assessmentId() + "/conversation";
        Page page = browser.signedIn(PLANNER, Fixtures.PASSWORD);
        page.navigate(conversation);
        page.click("[data-test=start-conversation] button");
        assertThat(page.locator("[data-test=stages] tbody tr")).hasCount(3);
        assertThat(page.locator("[data-test=stage-1]")).containsText("Present the data");
        assertThat(page.locator("[data-test=stage-3]")).containsText("Decide");
        assertThat(browser.accessibilityViolationsSignedIn(conversation, PLANNER, Fixtures.PASSWORD))
                .isEmpty();

        // the first stage: when, where, for whom, what its pack shows; then who came
        page.click("[data-test=stage-1] a");
        String session = page.url();
        page.fill("#title", "Data night");
        page.fill("#heldAt", "2025-10-16T18:00");
        page.fill("#place", "Lakeview High School library");
        page.check("input[name=audiences][value=FAMILIES]");
        page.check("input[name=areas][value=ATTENDANCE_AND_BEHAVIOR]");
        page.click("[data-test=session-form] button[type=submit]");
        assertThat(page.locator("[data-test=saved]")).isVisible();
        page.fill("#families", "38");
        page.fill("#teachers", "12");
        page.click("[data-test=attendance-form] button[type=submit]");
        assertThat(page.locator("[data-test=attendance-total]")).hasText("50 people came.");
        assertThat(browser.accessibilityViolationsSignedIn(
                        session.substring(session.indexOf("/conversations")), PLANNER, Fixtures.PASSWORD))
                .isEmpty();
        page.navigate(conversation);
        assertThat(page.locator("[data-test=stage-1]")).containsText("50");
        Browser.screenshot(page, "conversation");

        // its data pack, printed and downloaded: the 4 students with disabilities at Cedar show nowhere
        page.navigate(session);
        page.click("[data-test=pack-link]");
        assertThat(browser.accessibilityViolationsSignedIn(
                        page.url().substring(page.url().indexOf("/conversations")), PLANNER, Fixtures.PASSWORD))
                .isEmpty();
        assertThat(page.locator("h1")).hasText("Data pack: Data night");
        assertThat(page.locator("main")).containsText("English learners");
        assertThat(page.locator("main")).containsText("Cedar Elementary");
        assertThat(page.locator("main")).not().containsText(ConversationData.HIDDEN_VALUE);
        // one trend chart per metric of the chosen areas (the demo district has more than the test adds)
        assertThat(page.locator("img.chart").first()).isVisible();
        Browser.screenshot(page, "data-pack");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator("nav.tools")).isHidden();
        byte[] printed = page.pdf();
        assertThat(new String(printed, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
        Download file = page.waitForDownload(() -> page.click("[data-test=pack-pdf]"));
        assertThat(file.suggestedFilename()).endsWith("-en.pdf");
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(file.path()))) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Data pack: Data night", "English learners");
            assertThat(text).doesNotContain(ConversationData.HIDDEN_VALUE);
        }
        page.navigate(page.url().replace("lang=en", "lang=es"));
        assertThat(page.locator("h1")).hasText("Paquete de datos: Data night");
        assertThat(page.locator("main")).containsText("Estudiantes de inglés");
        page.navigate(session + "?lang=en");

        // the decide stage: the decision becomes an action of the district improvement plan
        page.navigate(conversation);
        page.click("[data-test=stage-3] a");
        page.fill("#decision", "Open the school on Saturday mornings for make-up learning.");
        page.fill("#decidedBy", "The district leadership team");
        page.fill("#decidedOn", "2026-03-12");
        page.check("input[name=outcome][value=NEW_ACTION]");
        page.selectOption("#goalId", new SelectOption().setIndex(1));
        page.fill("#actionTitle", "Saturday make-up school (conversation test)");
        page.click("[data-test=decision-form] button[type=submit]");
        assertThat(page.locator("[data-test=decisions]")).containsText("The district leadership team");
        page.click("[data-test=decision-item]");
        assertThat(page.locator("h1")).containsText("Saturday make-up school (conversation test)");
        assertThat(page.locator("[data-test=context-CONVERSATION]")).containsText("Decided at: Decide");
        page.click("[data-test=context-CONVERSATION] a");
        assertThat(page.locator("h1")).hasText("Decide");
    }
}
