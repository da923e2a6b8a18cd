package org.lodestar.engagement.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.engagement.EngagementApi;
import org.lodestar.engagement.SurveyQuestionKind;
import org.lodestar.engagement.SurveyQuestionSetup;
import org.lodestar.engagement.SurveySetup;
import org.lodestar.planning.Consultation.Audience;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.lodestar.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Surveys: the public link's guards (honeypot, time, one response per browser, closed, bounded answers), open answers
 * as comments, who may see results, another district's survey, the import all or none, suppression by audience.
 */
@LodestarTest
class SurveysTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EngagementApi engagement;

    @Autowired
    SurveyStore store;

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private SignedInUser planner() {
        return fixtures.user("planner@lakeview.example");
    }

    /** A survey of four questions (Likert, single choice, rating 0-10, open text) asking families, staff, students. */
    private Survey survey(boolean open) {
        UUID id = engagement.addSurvey(
                planner(),
                new SurveySetup(
                        "Test survey " + UUID.randomUUID(),
                        "Encuesta de prueba",
                        "",
                        "",
                        List.of(Audience.FAMILIES, Audience.STAFF, Audience.STUDENTS),
                        null,
                        null),
                List.of(
                        new SurveyQuestionSetup(
                                SurveyQuestionKind.LIKERT,
                                "I feel welcome",
                                "Me siento bienvenido",
                                List.of(),
                                List.of(),
                                null),
                        new SurveyQuestionSetup(
                                SurveyQuestionKind.SINGLE,
                                "How do you get to school?",
                                "¿Cómo llega a la escuela?",
                                List.of("Bus", "Car", "Walk"),
                                List.of("Autobús", "Carro", "A pie"),
                                null),
                        new SurveyQuestionSetup(
                                SurveyQuestionKind.RATING,
                                "Rate the lunch",
                                "Califique el almuerzo",
                                List.of(),
                                List.of(),
                                10),
                        new SurveyQuestionSetup(
                                SurveyQuestionKind.OPEN, "Anything else?", "¿Algo más?", List.of(), List.of(), null)),
                open);
        return store.find(fixtures.demoDistrict(), id).orElseThrow();
    }

    /** Opens the public form as a browser would: its cookie and the signed time it carries. */
    private record Visit(Cookie cookie, String stamp, String page) {}

    private Visit visit(Survey survey, Cookie cookie) throws Exception {
        var request = get("/s/" + survey.token());
        if (cookie != null) {
            request.cookie(cookie);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        String page = response.getContentAsString(StandardCharsets.UTF_8);
        Cookie given = response.getCookie(SurveyPublicController.COOKIE);
        Matcher stamp = Pattern.compile("name=\"stamp\" value=\"([^\"]+)\"").matcher(page);
        return new Visit(given != null ? given : cookie, stamp.find() ? stamp.group(1) : null, page);
    }

    private MockHttpServletResponse answer(Survey survey, Visit visit, String... params) throws Exception {
        var request = post("/s/" + survey.token()).cookie(visit.cookie()).param("stamp", visit.stamp());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private int comments(Survey survey) {
        return fixtures.jdbc()
                .sql("select count(*) from engagement_comment where source = 'SURVEY' and source_id = ?")
                .param(survey.id())
                .query(Integer.class)
                .single();
    }

    @Test
    void aVisitorAnswersOnceTheOpenAnswerBecomesACommentAndASecondAnswerFromTheSameBrowserIsRefused() throws Exception {
        Survey survey = survey(true);
        Visit visit = visit(survey, null);
        assertThat(visit.cookie()).isNotNull();
        assertThat(visit.cookie().isHttpOnly()).isTrue();
        clock.advance(Duration.ofSeconds(20));

        MockHttpServletResponse saved = answer(
                survey,
                visit,
                "audience",
                "FAMILIES",
                "a-q1",
                "4",
                "a-q2",
                "0",
                "a-q3",
                "7",
                "a-q4",
                "More buses, please");
        assertThat(saved.getStatus()).isEqualTo(200);
        assertThat(saved.getContentAsString(StandardCharsets.UTF_8)).contains("data-test=\"survey-thanks\"");
        assertThat(store.responseCount(survey.districtId(), survey.id())).isEqualTo(1);
        assertThat(fixtures.jdbc()
                        .sql("select text from engagement_comment where source_id = ?")
                        .param(survey.id())
                        .query(String.class)
                        .list())
                .containsExactly("More buses, please");
        String hash = fixtures.jdbc()
                .sql("select browser_hash from survey_response where survey_id = ?")
                .param(survey.id())
                .query(String.class)
                .single();
        assertThat(hash).hasSize(64).doesNotContain(visit.cookie().getValue());

        Visit again = visit(survey, visit.cookie());
        assertThat(again.page()).contains("data-test=\"survey-already\"").doesNotContain("data-test=\"survey-answer\"");
        MockHttpServletResponse twice = answer(survey, visit, "audience", "STAFF", "a-q1", "2");
        assertThat(twice.getStatus()).isEqualTo(409);
        assertThat(twice.getContentAsString(StandardCharsets.UTF_8))
                .contains("You have already answered this survey from this browser.");
        assertThat(store.responseCount(survey.districtId(), survey.id())).isEqualTo(1);
        assertThat(comments(survey)).isEqualTo(1);
    }

    @Test
    void anEmptyOpenAnswerIsNoCommentAndAnOverlongOneIsRefusedAtItsQuestion() throws Exception {
        Survey survey = survey(true);
        Visit visit = visit(survey, null);
        clock.advance(Duration.ofSeconds(10));
        MockHttpServletResponse tooLong =
                answer(survey, visit, "audience", "STAFF", "a-q1", "5", "a-q4", "x".repeat(4001));
        assertThat(tooLong.getStatus()).isEqualTo(422);
        assertThat(tooLong.getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"a-q4-error\"", "This answer is too long: at most 4,000 characters.");
        assertThat(store.responseCount(survey.districtId(), survey.id())).isZero();

        MockHttpServletResponse saved = answer(survey, visit, "audience", "STAFF", "a-q1", "5", "a-q4", "   ");
        assertThat(saved.getStatus()).isEqualTo(200);
        assertThat(store.responseCount(survey.districtId(), survey.id())).isEqualTo(1);
        assertThat(comments(survey)).isZero();
    }

    @Test
    void aFilledHoneypotATooQuickAnswerAForgedStampAndAnUnknownChoiceSaveNothing() throws Exception {
        Survey survey = survey(true);
        Visit visit = visit(survey, null);

        MockHttpServletResponse tooFast = answer(survey, visit, "audience", "FAMILIES", "a-q1", "3");
        assertThat(tooFast.getStatus()).isEqualTo(422);
        assertThat(tooFast.getContentAsString(StandardCharsets.UTF_8)).contains("That was very quick.");

        clock.advance(Duration.ofSeconds(30));
        MockHttpServletResponse robot =
                answer(survey, visit, "audience", "FAMILIES", "a-q1", "3", "website", "http://spam.example");
        assertThat(robot.getStatus()).isEqualTo(422);
        assertThat(robot.getContentAsString(StandardCharsets.UTF_8)).contains("Your answers could not be accepted.");

        Visit forged = new Visit(visit.cookie(), "1." + "0".repeat(64), visit.page());
        assertThat(answer(survey, forged, "audience", "FAMILIES", "a-q1", "3").getStatus())
                .isEqualTo(422);

        MockHttpServletResponse unknown = answer(survey, visit, "audience", "FAMILIES", "a-q2", "7", "a-q3", "11");
        assertThat(unknown.getStatus()).isEqualTo(422);
        assertThat(unknown.getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"a-q2-error\"", "id=\"a-q3-error\"");

        clock.advance(Duration.ofDays(2));
        MockHttpServletResponse stale = answer(survey, visit, "audience", "FAMILIES", "a-q1", "3");
        assertThat(stale.getStatus()).isEqualTo(422);
        assertThat(stale.getContentAsString(StandardCharsets.UTF_8)).contains("This form is too old");

        assertThat(store.responseCount(survey.districtId(), survey.id())).isZero();
        assertThat(comments(survey)).isZero();
    }

    @Test
    void aClosedSurveySaysSoAndADraftHasNoPublicPage() throws Exception {
        Survey draft = survey(false);
        assertThat(mvc.perform(get("/s/" + draft.token()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);

        Survey survey = survey(true);
        Visit visit = visit(survey, null);
        assertThat(mvc.perform(post("/surveys/" + survey.id() + "/state")
                                .param("state", "CLOSED")
                                .with(user(planner()))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        assertThat(visit(survey, null).page()).contains("This survey is closed");
        clock.advance(Duration.ofSeconds(10));
        assertThat(answer(survey, visit, "audience", "FAMILIES", "a-q1", "3").getStatus())
                .isEqualTo(410);
        assertThat(store.responseCount(survey.districtId(), survey.id())).isZero();
    }

    @Test
    void anotherDistrictsPlannerAndAPrincipalGet404AndAViewerOrATeacher403() throws Exception {
        Survey survey = survey(true);
        SignedInUser other = fixtures.otherDistrictUser("PLANNER");
        for (String path : List.of("", "/results", "/results.csv", "/import")) {
            assertThat(mvc.perform(get("/surveys/" + survey.id() + path).with(user(other)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(path)
                    .isEqualTo(404);
        }
        for (String email : List.of("board@lakeview.example", "teacher@lakeview.example")) {
            assertThat(mvc.perform(get("/surveys/" + survey.id() + "/results").with(user(fixtures.user(email))))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(email)
                    .isEqualTo(403);
        }
        // a school's leader runs their school's surveys; one of the district's is not among them
        assertThat(mvc.perform(get("/surveys/" + survey.id() + "/results")
                                .with(user(fixtures.user("principal@lakeview.example"))))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/surveys").with(user(fixtures.user("board@lakeview.example")))))
                .isNotNull();
        assertThat(mvc.perform(get("/surveys").with(user(fixtures.user("board@lakeview.example"))))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    private MockHttpServletResponse importCsv(Survey survey, SignedInUser who, String csv) throws Exception {
        return mvc.perform(multipart("/surveys/" + survey.id() + "/import")
                        .file(new MockMultipartFile(
                                "file", "export.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(user(who))
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }

    @Test
    void anImportWithBadRowsSavesNothingAndReportsEachAndAGoodOneSavesAll() throws Exception {
        Survey survey = survey(true);
        String bad = """
                Timestamp,audience,I feel welcome,q2,Rate the lunch,Anything else?
                2025-10-01,Parents and families,Agree,Bus,8,Good school
                2025-10-01,Staff,5,Boat,7,
                2025-10-02,Students,De acuerdo,Car,11,
                2025-10-02,Aliens,3,Walk,5,
                """;
        MockHttpServletResponse refused = importCsv(survey, planner(), bad);
        assertThat(refused.getStatus()).isEqualTo(422);
        String page = org.springframework.web.util.HtmlUtils.htmlUnescape(
                refused.getContentAsString(StandardCharsets.UTF_8).replaceAll("<[^>]+>", " "));
        assertThat(page)
                .contains("\"Boat\" is not one of the answers of question q2.")
                .contains("\"11\" is not a rating of question q3: give a whole number from 0 to 10.")
                .contains("\"Aliens\" is not one of the survey's audiences.");
        assertThat(store.responseCount(survey.districtId(), survey.id())).isZero();
        assertThat(comments(survey)).isZero();

        assertThat(importCsv(survey, fixtures.user("board@lakeview.example"), bad)
                        .getStatus())
                .isEqualTo(403);

        String good = """
                audience,q1,q2,q3,q4
                Parents and families,Agree,Bus,8,Good school
                Staff,5,Carro,7,
                Estudiantes,De acuerdo,Car,10,Más tutorías
                """;
        MockHttpServletResponse imported = importCsv(survey, planner(), good);
        assertThat(imported.getStatus()).isEqualTo(200);
        assertThat(imported.getContentAsString(StandardCharsets.UTF_8)).contains("Imported 3 responses.");
        assertThat(store.responseCount(survey.districtId(), survey.id())).isEqualTo(3);
        assertThat(comments(survey)).isEqualTo(2);
    }

    @Test
    void anAudienceWithTooFewResponsesAndOneThatWouldRevealItAreCountedOnlyInAll() throws Exception {
        Survey survey = survey(true);
        int minimumN = fixtures.jdbc()
                .sql("select minimum_n from district where id = ?")
                .param(survey.districtId())
                .query(Integer.class)
                .single();
        StringBuilder csv = new StringBuilder("audience,q1\n");
        // families well above n, staff just above, students two: staff is hidden too, or All minus Families shows them
        for (int i = 0; i < minimumN + 5; i++) {
            csv.append("FAMILIES,4\n");
        }
        for (int i = 0; i < minimumN + 1; i++) {
            csv.append("STAFF,2\n");
        }
        csv.append("STUDENTS,1\nSTUDENTS,5\n");
        assertThat(importCsv(survey, planner(), csv.toString()).getStatus()).isEqualTo(200);

        String all = mvc.perform(get("/surveys/" + survey.id() + "/results").with(user(planner())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(all)
                .contains(
                        "data-test=\"audience-FAMILIES\"",
                        "data-test=\"hidden-STUDENTS\"",
                        "data-test=\"hidden-STAFF\"")
                .contains("data-chart=");
        MockHttpServletResponse students = mvc.perform(get("/surveys/" + survey.id() + "/results")
                        .param("audience", "STUDENTS")
                        .with(user(planner())))
                .andReturn()
                .getResponse();
        assertThat(students.getContentAsString(StandardCharsets.UTF_8))
                .contains("data-test=\"audience-suppressed\"")
                .doesNotContain("data-test=\"question-result\"");
        String csvOut = mvc.perform(
                        get("/surveys/" + survey.id() + "/results.csv").with(user(planner())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csvOut)
                .contains("Parents and families,q1")
                .doesNotContain("Students,")
                .doesNotContain("Staff,");
        assertThat(csvOut).contains("All,q1,I feel welcome,Strongly disagree,1," + (2 * minimumN + 8));
    }

    @Test
    void aPlannerBuildsASurveyInTheFormsAndAQuestionWithoutSpanishIsRefusedAtItsField() throws Exception {
        MockHttpServletResponse wrongYear = mvc.perform(post("/surveys")
                        .param("titleEn", "A year typed wrong")
                        .param("audiences", "FAMILIES")
                        .param("closesOn", "0205-10-01")
                        .with(user(planner()))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(wrongYear.getStatus()).isEqualTo(422);
        assertThat(wrongYear.getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"closesOn-error\"", "Give a closing date from 2000 to 2100.", "id=\"titleEs-error\"");
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from survey where title_en = 'A year typed wrong'")
                        .query(Integer.class)
                        .single())
                .isZero();
        MockHttpServletResponse created = mvc.perform(post("/surveys")
                        .param("titleEn", "Built in the form")
                        .param("titleEs", "Hecha en el formulario")
                        .param("audiences", "FAMILIES")
                        .param("closesOn", LocalDate.now().plusDays(30).toString())
                        .with(user(planner()))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).isEqualTo(302);
        String location = created.getRedirectedUrl();
        MockHttpServletResponse refused = mvc.perform(post(location + "/questions")
                        .param("kind", "SINGLE")
                        .param("textEn", "Which day?")
                        .param("optionsEn", "Monday\nTuesday")
                        .with(user(planner()))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"new-textEs-error\"", "id=\"new-optionsEs-error\"");
        assertThat(mvc.perform(post(location + "/state")
                                .param("state", "OPEN")
                                .with(user(planner()))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(422);
        assertThat(mvc.perform(post(location + "/questions")
                                .param("kind", "SINGLE")
                                .param("textEn", "Which day?")
                                .param("textEs", "¿Qué día?")
                                .param("optionsEn", "Monday\nTuesday")
                                .param("optionsEs", "Lunes\nMartes")
                                .with(user(planner()))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        String page = mvc.perform(get(location).with(user(planner())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Which day?", "/s/");
    }

    @Test
    void theDemoSurveyHasThreeHundredSampleResponsesInBothLanguagesWithVariedComments() {
        UUID id = fixtures.any(
                "select id from survey where district_id = ? and title_en = 'Family and staff survey 2025-26'");
        Survey demo = store.find(fixtures.demoDistrict(), id).orElseThrow();
        assertThat(demo.introEn()).startsWith("Sample data");
        assertThat(demo.introEs()).startsWith("Datos de muestra");
        assertThat(store.questions(demo.districtId(), id)).hasSize(8);
        assertThat(store.responseCount(demo.districtId(), id)).isEqualTo(300);
        assertThat(fixtures.jdbc()
                        .sql("select count(distinct language) from survey_response where survey_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(fixtures.jdbc()
                        .sql("select count(distinct text) from engagement_comment where source_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isGreaterThan(100);
    }
}
