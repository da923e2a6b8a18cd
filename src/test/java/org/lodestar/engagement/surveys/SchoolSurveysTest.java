package org.lodestar.engagement.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.needs.Assessment;
import org.lodestar.needs.NeedsApi;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * A school's leader runs a survey of their school's needs assessment (and only of theirs), reads its counts but not
 * its comments' text; every edit is in the survey's History; a question saved from an older page is refused (409) with
 * the person's text kept; the planners' open comments come 50 a page.
 */
@LodestarTest
class SchoolSurveysTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    NeedsApi needs;

    @Autowired
    SurveyStore store;

    private SignedInUser planner() {
        return fixtures.user("planner@lakeview.example");
    }

    private SignedInUser principal() {
        return fixtures.user("principal@lakeview.example");
    }

    private MockHttpServletResponse send(SignedInUser who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return HtmlUtils.htmlUnescape(response.getContentAsString(StandardCharsets.UTF_8));
    }

    /** The 2025-26 assessment of a school, started by its leader when the demo has none. */
    private UUID assessmentOf(String school, SignedInUser leader) {
        UUID schoolId = fixtures.any("select id from school where district_id = ? and name = '" + school + "'");
        return needs.assessments(fixtures.demoDistrict()).stream()
                .filter(a -> schoolId.equals(a.schoolId()) && a.schoolYear() == 2025)
                .map(Assessment::id)
                .findFirst()
                .orElseGet(() -> needs.startAssessment(leader, schoolId, 2025, school + " needs assessment 2025-26"));
    }

    private UUID districtAssessment() {
        return needs.assessments(fixtures.demoDistrict()).stream()
                .filter(a -> a.schoolId() == null)
                .map(Assessment::id)
                .findFirst()
                .orElseThrow();
    }

    /** A survey made through the form; its id. */
    private UUID create(SignedInUser who, String title, UUID assessment) throws Exception {
        MockHttpServletResponse created = send(
                who,
                post("/surveys")
                        .param("titleEn", title)
                        .param("titleEs", title + " (es)")
                        .param("audiences", "FAMILIES")
                        .param("audiences", "STAFF")
                        .param("assessmentId", assessment == null ? "" : assessment.toString()));
        assertThat(created.getStatus()).as(text(created)).isEqualTo(302);
        return UUID.fromString(created.getRedirectedUrl().substring("/surveys/".length()));
    }

    private MockHttpServletResponse addQuestion(SignedInUser who, UUID survey, String kind, String en, String es)
            throws Exception {
        return send(
                who,
                post("/surveys/" + survey + "/questions")
                        .param("kind", kind)
                        .param("textEn", en)
                        .param("textEs", es));
    }

    private MockHttpServletResponse importCsv(SignedInUser who, UUID survey, String csv) throws Exception {
        return mvc.perform(multipart("/surveys/" + survey + "/import")
                        .file(new MockMultipartFile(
                                "file", "export.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(user(who))
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }

    private int version(UUID survey) {
        return store.find(fixtures.demoDistrict(), survey).orElseThrow().version();
    }

    @Test
    void aPrincipalRunsTheirSchoolsSurveyAndReadsItsCountsButNoCommentText() throws Exception {
        UUID cedar = assessmentOf("Cedar Elementary", principal());
        String title = "Cedar families " + UUID.randomUUID();

        // the leader must tie it to their school's assessment: none, or the district's, is refused at the field
        for (String assessment : List.of("", districtAssessment().toString())) {
            MockHttpServletResponse refused = send(
                    principal(),
                    post("/surveys")
                            .param("titleEn", title)
                            .param("titleEs", title)
                            .param("audiences", "FAMILIES")
                            .param("assessmentId", assessment));
            assertThat(refused.getStatus()).isEqualTo(422);
            assertThat(text(refused)).contains("id=\"assessmentId-error\"");
        }
        assertThat(text(send(principal(), get("/surveys")))).doesNotContain(title);

        UUID survey = create(principal(), title, cedar);
        assertThat(addQuestion(principal(), survey, "LIKERT", "My child likes school", "A mi hijo le gusta la escuela")
                        .getStatus())
                .isEqualTo(302);
        assertThat(addQuestion(principal(), survey, "OPEN", "What would help?", "¿Qué ayudaría?")
                        .getStatus())
                .isEqualTo(302);
        assertThat(send(principal(), post("/surveys/" + survey + "/state").param("state", "OPEN"))
                        .getStatus())
                .isEqualTo(302);
        MockHttpServletResponse imported = importCsv(
                principal(),
                survey,
                "audience,q1,q2\nFAMILIES,4,Ms. Lopez's reading club helps my son\nFAMILIES,5,More art\nSTAFF,3,\n");
        assertThat(imported.getStatus()).isEqualTo(200);
        assertThat(store.responseCount(fixtures.demoDistrict(), survey)).isEqualTo(3);

        MockHttpServletResponse results = send(principal(), get("/surveys/" + survey + "/results"));
        assertThat(results.getStatus()).isEqualTo(200);
        assertThat(text(results))
                .contains("data-test=\"question-result\"", "Open comments (2)", "data-test=\"comments-planners-only\"")
                .doesNotContain("reading club", "More art", "data-test=\"survey-comments\"");
        assertThat(text(send(planner(), get("/surveys/" + survey + "/results"))))
                .contains("Ms. Lopez's reading club helps my son", "More art");

        // the school's assessment page leads its leader to the survey, with its state and responses
        assertThat(text(send(principal(), get("/needs/assessments/" + cedar))))
                .contains("Survey: " + title, "Open, 3 responses", "href=\"/surveys/" + survey + "\"");

        // the leader's list holds their school's surveys only; the planners' holds every one
        String mine = text(send(principal(), get("/surveys")));
        assertThat(mine).contains(title).doesNotContain("Family and staff survey 2025-26");
        assertThat(text(send(planner(), get("/surveys")))).contains(title, "Family and staff survey 2025-26");

        // a survey of the district, or of another school, is not theirs: 404, as another district's; teachers 403
        UUID districtSurvey = fixtures.any(
                "select id from survey where district_id = ? and title_en = 'Family and staff survey 2025-26'");
        SignedInUser middle = fixtures.user("elena.sousa@lakeview.example");
        for (String path : List.of("", "/results", "/results.csv", "/import")) {
            assertThat(send(principal(), get("/surveys/" + districtSurvey + path))
                            .getStatus())
                    .as("principal " + path)
                    .isEqualTo(404);
            assertThat(send(middle, get("/surveys/" + survey + path)).getStatus())
                    .as("another school's leader " + path)
                    .isEqualTo(404);
            assertThat(send(fixtures.user("teacher@lakeview.example"), get("/surveys/" + survey + path))
                            .getStatus())
                    .as("teacher " + path)
                    .isEqualTo(403);
        }
        assertThat(send(middle, post("/surveys/" + survey + "/state").param("state", "CLOSED"))
                        .getStatus())
                .isEqualTo(404);
        assertThat(store.find(fixtures.demoDistrict(), survey).orElseThrow().state())
                .hasToString("OPEN");
    }

    @Test
    void everyEditOfASurveyIsInItsHistoryWithWhoAndBeforeAndAfter() throws Exception {
        UUID survey = create(planner(), "Audited survey", districtAssessment());
        addQuestion(planner(), survey, "LIKERT", "The building is clean", "El edificio está limpio");
        addQuestion(planner(), survey, "OPEN", "Anything else?", "¿Algo más?");
        List<SurveyQuestion> questions = store.questions(fixtures.demoDistrict(), survey);
        assertThat(send(
                                planner(),
                                post("/surveys/" + survey + "/questions/"
                                                + questions.get(0).id())
                                        .param("kind", "LIKERT")
                                        .param("textEn", "The building is clean and safe")
                                        .param("textEs", "El edificio está limpio y seguro")
                                        .param("version", String.valueOf(version(survey))))
                        .getStatus())
                .isEqualTo(302);
        assertThat(send(
                                planner(),
                                post("/surveys/" + survey + "/questions/"
                                                + questions.get(1).id() + "/move")
                                        .param("up", "true")
                                        .param("version", String.valueOf(version(survey))))
                        .getStatus())
                .isEqualTo(302);
        assertThat(store.questions(fixtures.demoDistrict(), survey).get(0).textEn())
                .isEqualTo("Anything else?");
        addQuestion(planner(), survey, "OPEN", "A question to remove", "Una pregunta que quitar");
        UUID removed = store.questions(fixtures.demoDistrict(), survey).get(2).id();
        assertThat(send(
                                planner(),
                                post("/surveys/" + survey + "/questions/" + removed + "/delete")
                                        .param("version", String.valueOf(version(survey))))
                        .getStatus())
                .isEqualTo(302);
        assertThat(send(
                                planner(),
                                post("/surveys/" + survey)
                                        .param("titleEn", "Audited survey, renamed")
                                        .param("titleEs", "Encuesta auditada")
                                        .param("audiences", "FAMILIES")
                                        .param("closesOn", "2026-06-30")
                                        .param(
                                                "assessmentId",
                                                districtAssessment().toString())
                                        .param("version", String.valueOf(version(survey))))
                        .getStatus())
                .isEqualTo(302);
        send(planner(), post("/surveys/" + survey + "/state").param("state", "OPEN"));
        importCsv(planner(), survey, "audience,q1,q2\nFAMILIES,4,Fine\nFAMILIES,2,\n");
        send(planner(), post("/surveys/" + survey + "/state").param("state", "CLOSED"));

        MockHttpServletResponse history = send(fixtures.user("board@lakeview.example"), get("/history/" + survey));
        assertThat(history.getStatus()).isEqualTo(200);
        String page = text(history).replaceAll("\\s+", " ");
        String who = "Priya Natarajan";
        assertThat(page)
                .contains(who + " added the survey “Audited survey”")
                .contains(who + " added a question of the survey “The building is clean”")
                .contains("Question: from “The building is clean” to “The building is clean and safe”")
                .contains(who + " changed a question of the survey “Anything else?”")
                .contains("Position: from 2 to 1")
                .contains(who + " removed a question of the survey “A question to remove”")
                .contains("Title: from “Audited survey” to “Audited survey, renamed”")
                .contains("Whom it asks: from Parents and families; Staff to Parents and families")
                .contains("Closes on: ")
                .contains("State: from Draft to Open")
                .contains("State: from Open to Closed")
                .contains("Responses imported: 2")
                .doesNotContain("Fine");
    }

    @Test
    void aQuestionSavedFromAnOlderPageIsRefusedWithTheTextKeptAndSavedAgainOnPurpose() throws Exception {
        UUID survey = create(planner(), "Stale question survey", districtAssessment());
        addQuestion(planner(), survey, "LIKERT", "Teachers listen to me", "Los maestros me escuchan");
        UUID question = store.questions(fixtures.demoDistrict(), survey).get(0).id();
        int read = version(survey);

        // someone else rewords it meanwhile
        SignedInUser admin = fixtures.user("admin@lakeview.example");
        assertThat(send(
                                admin,
                                post("/surveys/" + survey + "/questions/" + question)
                                        .param("kind", "LIKERT")
                                        .param("textEn", "Teachers listen to students")
                                        .param("textEs", "Los maestros escuchan a los estudiantes")
                                        .param("version", String.valueOf(read)))
                        .getStatus())
                .isEqualTo(302);

        MockHttpServletResponse stale = send(
                planner(),
                post("/surveys/" + survey + "/questions/" + question)
                        .param("kind", "LIKERT")
                        .param("textEn", "My teachers listen to what I say")
                        .param("textEs", "Mis maestros escuchan lo que digo")
                        .param("version", String.valueOf(read)));
        assertThat(stale.getStatus()).isEqualTo(409);
        String page = text(stale);
        assertThat(page)
                .contains("data-test=\"edit-conflict\"")
                .contains("My teachers listen to what I say", "Mis maestros escuchan lo que digo")
                .contains("Teachers listen to students");
        assertThat(store.questions(fixtures.demoDistrict(), survey).get(0).textEn())
                .isEqualTo("Teachers listen to students");

        // the page now carries the version saved, so saving again replaces the other edit on purpose
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertThat(version.find()).isTrue();
        assertThat(Integer.parseInt(version.group(1))).isEqualTo(version(survey));
        assertThat(send(
                                planner(),
                                post("/surveys/" + survey + "/questions/" + question)
                                        .param("kind", "LIKERT")
                                        .param("textEn", "My teachers listen to what I say")
                                        .param("textEs", "Mis maestros escuchan lo que digo")
                                        .param("version", version.group(1)))
                        .getStatus())
                .isEqualTo(302);
        assertThat(store.questions(fixtures.demoDistrict(), survey).get(0).textEn())
                .isEqualTo("My teachers listen to what I say");

        // a value no field holds (a hand-made request) saves nothing and sends back to the survey
        MockHttpServletResponse handMade = send(
                planner(),
                post("/surveys/" + survey + "/questions/" + question)
                        .param("kind", "LIKERT")
                        .param("textEn", "Hand-made question")
                        .param("textEs", "Pregunta hecha a mano")
                        .param("version", "x"));
        assertThat(handMade.getStatus()).isEqualTo(302);
        assertThat(store.questions(fixtures.demoDistrict(), survey).get(0).textEn())
                .isEqualTo("My teachers listen to what I say");

        // a removal or a move from the older page does nothing either
        assertThat(send(
                                planner(),
                                post("/surveys/" + survey + "/questions/" + question + "/delete")
                                        .param("version", String.valueOf(read)))
                        .getStatus())
                .isEqualTo(409);
        assertThat(send(
                                planner(),
                                post("/surveys/" + survey + "/questions/" + question + "/move")
                                        .param("up", "false")
                                        .param("version", String.valueOf(read)))
                        .getStatus())
                .isEqualTo(409);
        assertThat(store.questions(fixtures.demoDistrict(), survey)).hasSize(1);

        // and the survey's own details: 409, the entries kept
        MockHttpServletResponse details = send(
                planner(),
                post("/surveys/" + survey)
                        .param("titleEn", "A title typed on an old page")
                        .param("titleEs", "Un título")
                        .param("audiences", "FAMILIES")
                        .param("version", String.valueOf(read)));
        assertThat(details.getStatus()).isEqualTo(409);
        assertThat(text(details)).contains("data-test=\"edit-conflict\"", "A title typed on an old page");
        assertThat(store.find(fixtures.demoDistrict(), survey).orElseThrow().titleEn())
                .isEqualTo("Stale question survey");
    }

    @Test
    void thePlannersReadTheOpenCommentsFiftyAPage() throws Exception {
        UUID survey = create(planner(), "Many comments", districtAssessment());
        addQuestion(planner(), survey, "OPEN", "Tell us", "Díganos");
        send(planner(), post("/surveys/" + survey + "/state").param("state", "OPEN"));
        StringBuilder csv = new StringBuilder("audience,q1\n");
        for (int i = 1; i <= 120; i++) {
            csv.append("FAMILIES,Comment number ")
                    .append(String.format("%03d", i))
                    .append('\n');
        }
        assertThat(importCsv(planner(), survey, csv.toString()).getStatus()).isEqualTo(200);

        String first = text(send(planner(), get("/surveys/" + survey + "/results")));
        assertThat(comments(first)).hasSize(50).first().isEqualTo("Comment number 001");
        assertThat(first)
                .contains("Open comments (120)", "data-test=\"comments-page-3\"", "data-test=\"comments-next\"")
                .doesNotContain("data-test=\"comments-previous\"");
        String last =
                text(send(planner(), get("/surveys/" + survey + "/results").param("page", "3")));
        assertThat(comments(last)).hasSize(20).first().isEqualTo("Comment number 101");
        assertThat(last).contains("data-test=\"comments-previous\"").doesNotContain("data-test=\"comments-next\"");
        // past the last page shows the last; a page that is no number the first
        assertThat(comments(text(
                        send(planner(), get("/surveys/" + survey + "/results").param("page", "99")))))
                .first()
                .isEqualTo("Comment number 101");
        assertThat(comments(text(
                        send(planner(), get("/surveys/" + survey + "/results").param("page", "x")))))
                .first()
                .isEqualTo("Comment number 001");
    }

    private static List<String> comments(String page) {
        Matcher matcher =
                Pattern.compile("<li><span lang=\"en\">([^<]+)</span>").matcher(page);
        List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
