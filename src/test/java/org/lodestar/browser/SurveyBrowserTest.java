package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestar.needs.Assessment;
import org.lodestar.needs.NeedsApi;
import org.lodestar.support.Browser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A planner builds a survey of three questions in English and Spanish and opens it; signed out, a visitor answers it
 * in Spanish and is thanked, and the same browser is told it already answered; the planner reads the results, with a
 * chart per question and the responses over time. Cedar Elementary's principal builds a survey for the school's
 * 2025-26 needs assessment, opens it, and after a visitor's answer reads its counts, without the comment's text.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    NeedsApi needs;

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

    private static void addQuestion(Page page, String kind, String en, String es, String optionsEn, String optionsEs) {
        page.selectOption("#new-kind", kind);
        page.fill("#new-textEn", en);
        page.fill("#new-textEs", es);
        page.fill("#new-optionsEn", optionsEn);
        page.fill("#new-optionsEs", optionsEs);
        page.click("[data-test=add-question-submit]");
        page.waitForLoadState();
    }

    @Test
    void aPlannerBuildsASurveyAVisitorAnswersItInSpanishOnceAndThePlannerReadsTheResults() {
        String title = "Family survey " + UUID.randomUUID().toString().substring(0, 8);
        Page planner = browser.signedIn("planner@lakeview.example", Fixtures.PASSWORD);
        planner.click("nav >> text=Needs");
        planner.click("[data-test=nav-surveys]");
        planner.fill("#titleEn", title);
        planner.fill("#titleEs", "Encuesta a las familias");
        planner.fill("#introEn", "Tell us how the year is going.");
        planner.fill("#introEs", "Cuéntenos cómo va el año.");
        planner.check("[data-test=audience-FAMILIES]");
        planner.check("[data-test=audience-STAFF]");
        planner.click("form[data-test=new-survey] button[type=submit]");
        assertThat(planner.locator("h1")).hasText(title);

        addQuestion(
                planner, "LIKERT", "My child feels safe at school", "Mi hijo se siente seguro en la escuela", "", "");
        addQuestion(
                planner,
                "SINGLE",
                "How does your child get to school?",
                "¿Cómo llega su hijo a la escuela?",
                "School bus\nCar\nWalking",
                "Autobús escolar\nCarro\nA pie");
        addQuestion(planner, "OPEN", "What should we improve?", "¿Qué deberíamos mejorar?", "", "");
        assertThat(planner.locator("[data-test=question]")).hasCount(3);
        Browser.screenshot(planner, "survey-build");
        planner.click("[data-test=open-survey]");
        assertThat(planner.locator("[data-test=survey-state]")).hasText("Open");
        String link = planner.locator("[data-test=public-link]").getAttribute("href");

        Page visitor = browser.page();
        visitor.navigate(link + "?lang=es");
        assertThat(visitor.locator("h1")).hasText("Encuesta a las familias");
        assertThat(visitor.locator("form[data-test=survey-answer]"))
                .containsText("Mi hijo se siente seguro en la escuela");
        assertThat(visitor.locator("form[data-test=survey-answer]")).containsText("Muy de acuerdo");
        visitor.selectOption("[data-test=survey-audience]", "FAMILIES");
        visitor.locator("label:has-text('De acuerdo') >> nth=1").click();
        visitor.locator("label:has-text('Autobús escolar')").click();
        visitor.fill("[data-test=survey-open]", "Más tutorías después de clases, por favor.");
        Browser.screenshot(visitor, "survey-public-es");
        // a person reads before sending; the form refuses answers sent within three seconds of its drawing
        visitor.waitForTimeout(3_500);
        visitor.click("[data-test=survey-submit]");
        assertThat(visitor.locator("[data-test=survey-thanks]")).containsText("¡Gracias!");

        visitor.navigate(link);
        assertThat(visitor.locator("[data-test=survey-already]")).containsText("Usted ya respondió esta encuesta");
        assertThat(visitor.locator("form[data-test=survey-answer]")).hasCount(0);

        planner.click("[data-test=results-link]");
        assertThat(planner.locator("[data-test=response-count]")).hasText("1 response");
        assertThat(planner.locator("[data-test=question-result]")).hasCount(3);
        assertThat(planner.locator("[data-test=question-result]").first()).containsText("Agree");
        assertThat(planner.locator("[data-test=survey-comments]")).containsText("Más tutorías después de clases");
        assertThat(planner.locator("[data-test=hidden-FAMILIES]")).isVisible();
        assertThat(planner.locator("[data-chart-ready=true]").first()).isVisible();
        assertThat(planner.locator("[data-test=time-chart][data-chart-ready=true]"))
                .isVisible();
        Browser.screenshot(planner, "survey-results");

        assertThat(browser.accessibilityViolations(link.replaceFirst("^http://[^/]+", "") + "?lang=es", "es-ES"))
                .isEmpty();

        // the demo's survey: 300 responses, staff and community too few to be shown apart
        planner.navigate("/surveys");
        planner.click("text=Family and staff survey 2025-26");
        planner.click("[data-test=results-link]");
        assertThat(planner.locator("[data-test=response-count]")).hasText("300 responses");
        assertThat(planner.locator("[data-test=hidden-COMMUNITY]")).isVisible();
        planner.click("[data-test=audience-FAMILIES]");
        assertThat(planner.locator("[data-test=response-count]")).hasText("170 responses");
        assertThat(planner.locator("[data-test=time-chart][data-chart-ready=true]"))
                .isVisible();
        Browser.screenshot(planner, "survey-results-demo");
    }

    /** Cedar Elementary's 2025-26 needs assessment (the demo's, or started by its principal when the demo has none). */
    private UUID cedarAssessment() {
        UUID cedar = fixtures.any("select id from school where district_id = ? and name = 'Cedar Elementary'");
        return needs.assessments(fixtures.demoDistrict()).stream()
                .filter(a -> cedar.equals(a.schoolId()) && a.schoolYear() == 2025)
                .map(Assessment::id)
                .findFirst()
                .orElseGet(() -> needs.startAssessment(
                        fixtures.user("principal@lakeview.example"),
                        cedar,
                        2025,
                        "Cedar Elementary needs assessment 2025-26"));
    }

    @Test
    void cedarsPrincipalRunsASurveyOfTheSchoolAndReadsItsCountsWithoutTheComments() {
        UUID assessment = cedarAssessment();
        String title = "Cedar families " + UUID.randomUUID().toString().substring(0, 8);
        Page principal = browser.signedIn("principal@lakeview.example", Fixtures.PASSWORD);
        principal.click("nav >> text=Needs");
        principal.click("[data-test=nav-surveys]");
        principal.fill("#titleEn", title);
        principal.fill("#titleEs", "Familias de Cedar");
        principal.check("[data-test=audience-FAMILIES]");
        principal.selectOption("[data-test=survey-assessment]", assessment.toString());
        principal.click("form[data-test=new-survey] button[type=submit]");
        assertThat(principal.locator("h1")).hasText(title);
        addQuestion(principal, "LIKERT", "My child likes coming to Cedar", "A mi hijo le gusta venir a Cedar", "", "");
        addQuestion(principal, "OPEN", "What would help your child?", "¿Qué ayudaría a su hijo?", "", "");
        principal.click("[data-test=open-survey]");
        assertThat(principal.locator("[data-test=survey-state]")).hasText("Open");
        String link = principal.locator("[data-test=public-link]").getAttribute("href");

        Page visitor = browser.page();
        visitor.navigate(link + "?lang=es");
        visitor.selectOption("[data-test=survey-audience]", "FAMILIES");
        visitor.locator("label:has-text('De acuerdo') >> nth=1").click();
        visitor.fill("[data-test=survey-open]", "Un club de lectura los sábados.");
        visitor.waitForTimeout(3_500);
        visitor.click("[data-test=survey-submit]");
        assertThat(visitor.locator("[data-test=survey-thanks]")).containsText("¡Gracias!");

        principal.click("[data-test=results-link]");
        assertThat(principal.locator("[data-test=response-count]")).hasText("1 response");
        assertThat(principal.locator("[data-test=question-result]")).hasCount(2);
        assertThat(principal.locator("[data-test=comments-planners-only]")).isVisible();
        assertThat(principal.locator("h2#comments")).containsText("(1)");
        assertThat(principal.locator("[data-test=survey-comments]")).hasCount(0);
        assertThat(principal.locator("body")).not().containsText("club de lectura");
        Browser.screenshot(principal, "survey-school");

        principal.navigate("/surveys");
        assertThat(principal.locator("[data-test=surveys]")).containsText(title);
        assertThat(principal.locator("[data-test=surveys]")).not().containsText("Family and staff survey 2025-26");
        principal.click("text=" + title);
        principal.click("[data-test=survey-history]");
        assertThat(principal.locator("body")).containsText("added the survey");
        assertThat(principal.locator("body")).containsText("State: from Draft to Open");
    }
}
