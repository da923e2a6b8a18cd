package org.lodestar.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.domain.ApiTokenStore;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plan content in both languages: entered in the tree's forms, shown in the reader's language with the other as a
 * marked fallback, audited, and read and written through the API. Every test rolls its rows back.
 */
@LodestarTest
@Transactional
class BilingualContentTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanningApi planning;

    @Autowired
    ApiTokenStore tokens;

    @Autowired
    org.lodestar.shared.DistrictChanges changes;

    private SignedInUser planner() {
        return fixtures.user("planner@lakeview.example");
    }

    private UUID districtPlan() {
        return planning.districtStrategicPlan(fixtures.demoDistrict())
                .orElseThrow()
                .id();
    }

    private String page(String path, String language) throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        get(path).param("lang", language).with(user(planner())))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private UUID goalTitled(String title) {
        return fixtures.any("select id from goal where district_id = ? and title = '" + title + "'");
    }

    @Test
    void aGoalEnteredInBothLanguagesReadsInEachAndAnUntranslatedOneFallsBackMarked() throws Exception {
        UUID plan = districtPlan();
        mvc.perform(post("/plans/{id}/nodes/goal", plan)
                        .param("title", "Bilingual test goal")
                        .param("translation", "Meta bilingüe de prueba")
                        .with(user(planner()))
                        .with(csrf()))
                .andReturn();
        mvc.perform(post("/plans/{id}/nodes/goal", plan)
                        .param("title", "Untranslated test goal")
                        .with(user(planner()))
                        .with(csrf()))
                .andReturn();
        UUID goal = goalTitled("Bilingual test goal");
        assertThat(planning.goal(fixtures.demoDistrict(), goal).orElseThrow().titleTranslation())
                .isEqualTo("Meta bilingüe de prueba");

        String spanish = page("/plans/" + plan, "es");
        assertThat(spanish).contains(">Meta bilingüe de prueba<").doesNotContain("Bilingual test goal");
        assertThat(spanish).contains("lang=\"en\">Untranslated test goal<");
        String english = page("/plans/" + plan, "en");
        assertThat(english).contains(">Bilingual test goal<").doesNotContain("Meta bilingüe de prueba");
        assertThat(english).doesNotContain("lang=\"en\">Untranslated test goal<");
        assertThat(page("/goals/" + goal, "es")).contains(">Meta bilingüe de prueba</h1>");
    }

    @Test
    void theEditFormShowsBothTitlesAndAChangedTranslationIsVersionedAndAudited() throws Exception {
        UUID plan = districtPlan();
        UUID goal = planning.addGoal(planner(), plan, "Edited test goal", null);
        String form = page("/plans/" + plan + "/nodes/goal/" + goal + "/edit", "en");
        assertThat(form).contains("name=\"translation\"").contains("Title in Spanish (optional)");

        MockHttpServletResponse saved = mvc.perform(post("/plans/{p}/nodes/goal/{id}", plan, goal)
                        .param("title", "Edited test goal")
                        .param("translation", "Meta editada de prueba")
                        .param("version", "0")
                        .with(user(planner()))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(saved.getStatus()).isLessThan(400);
        Goal after = planning.goal(fixtures.demoDistrict(), goal).orElseThrow();
        assertThat(after.titleTranslation()).isEqualTo("Meta editada de prueba");
        assertThat(after.version()).isEqualTo(1);
        assertThat(fixtures.jdbc()
                        .sql("select after_state::text from audit_event where entity_id = ? and action = 'UPDATED'")
                        .param(goal)
                        .query(String.class)
                        .single())
                .contains("history.field.titleTranslation")
                .contains("Meta editada de prueba");
        // an edit made from the version before is refused, not saved over the translation
        MockHttpServletResponse stale = mvc.perform(post("/plans/{p}/nodes/goal/{id}", plan, goal)
                        .param("title", "Edited test goal")
                        .param("translation", "Otra")
                        .param("version", "0")
                        .with(user(planner()))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(planning.goal(fixtures.demoDistrict(), goal).orElseThrow().titleTranslation())
                .isEqualTo("Meta editada de prueba");
    }

    @Test
    void thePlanFormTakesItsTextsInBothLanguages() throws Exception {
        UUID plan = districtPlan();
        PlanSummary before = planning.plan(fixtures.demoDistrict(), plan);
        // the demo plan is adopted: its form opens once this sitting said why it changes
        MockHttpSession sitting = new MockHttpSession();
        mvc.perform(post("/plans/" + plan + "/reason")
                .param("reason", "The board asked for the plan's texts in Spanish.")
                .session(sitting)
                .with(user(planner()))
                .with(csrf()));
        MockHttpServletResponse opened = mvc.perform(get("/plans/" + plan + "/edit")
                        .param("lang", "es")
                        .session(sitting)
                        .with(user(planner())))
                .andReturn()
                .getResponse();
        assertThat(opened.getStatus()).isEqualTo(200);
        String form = opened.getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("Título (inglés)").contains("Título en español (opcional)");
        mvc.perform(post("/plans")
                        .param("id", plan.toString())
                        .param("kind", before.kind().name())
                        .param("title", before.title())
                        .param("titleTranslation", "Plan traducido de prueba")
                        .param("firstYear", String.valueOf(before.firstYear()))
                        .param("lastYear", String.valueOf(before.lastYear()))
                        .param("vision", before.vision())
                        .param("visionTranslation", "Visión traducida de prueba")
                        .param("status", before.status().name())
                        .param("version", String.valueOf(before.version()))
                        .session(sitting)
                        .with(user(planner()))
                        .with(csrf()))
                .andReturn();
        PlanSummary after = planning.plan(fixtures.demoDistrict(), plan);
        assertThat(after.translation().title()).isEqualTo("Plan traducido de prueba");
        assertThat(after.translation().vision()).isEqualTo("Visión traducida de prueba");
        assertThat(page("/plans/" + plan, "es")).contains("Plan traducido de prueba");
        assertThat(page("/plans/" + plan, "en")).doesNotContain("Plan traducido de prueba");
    }

    @Test
    void tierNamesFollowThePagesLanguage() throws Exception {
        assertThat(page("/scorecard", "es")).contains(">Meta<").doesNotContain(">Goal<");
        assertThat(page("/scorecard", "en")).contains(">Goal<");
        fixtures.jdbc()
                .sql("update district set tier_goal_es = 'Prioridad' where id = ?")
                .param(fixtures.demoDistrict())
                .update();
        changes.count(fixtures.demoDistrict());
        assertThat(page("/scorecard", "es")).contains(">Prioridad<");
    }

    private MockHttpServletResponse api(MockHttpServletRequestBuilder request) throws Exception {
        String token = tokens.create(fixtures.demoDistrict(), planner().userId(), "bilingual test");
        return mvc.perform(request.header("Authorization", "Bearer " + token))
                .andReturn()
                .getResponse();
    }

    @Test
    void theApiGivesAndTakesBothLanguages() throws Exception {
        UUID plan = districtPlan();
        UUID goal = planning.addGoal(planner(), plan, "API test goal", "Meta de la API", null);
        assertThat(api(get("/api/v1/plans/" + plan)).getContentAsString(StandardCharsets.UTF_8))
                .contains("\"title\":\"API test goal\",\"titleTranslation\":\"Meta de la API\"")
                .contains("\"titleTranslation\":\"Lakeview 2030: cada estudiante preparado\"");

        // the demo plan is adopted: a change through the API says why, as one in the app does
        MockHttpServletResponse unexplained = api(post("/api/v1/goals/" + goal + "/titles")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"API test goal, reworded\",\"version\":0}"));
        assertThat(unexplained.getStatus()).isEqualTo(422);
        assertThat(unexplained.getContentAsString(StandardCharsets.UTF_8))
                .contains("say why it changes in \\\"reason\\\"");
        assertThat(api(get("/api/v1/goals/" + goal)).getContentAsString(StandardCharsets.UTF_8))
                .contains("\"title\":\"API test goal\"", "\"version\":0");
        MockHttpServletResponse retitled = api(post("/api/v1/goals/" + goal + "/titles")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"API test goal, reworded\",\"titleTranslation\":\"Meta de la API, otra vez\","
                        + "\"version\":0,\"reason\":\"The board asked for plainer words.\"}"));
        assertThat(retitled.getStatus()).isEqualTo(200);
        assertThat(planning.changeLog(fixtures.demoDistrict(), plan))
                .anySatisfy(change -> assertThat(change.reason()).isEqualTo("The board asked for plainer words."));
        assertThat(api(get("/api/v1/goals/" + goal)).getContentAsString(StandardCharsets.UTF_8))
                .contains("\"title\":\"API test goal, reworded\",\"titleTranslation\":\"Meta de la API, otra vez\"")
                .contains("\"version\":1");
        assertThat(api(post("/api/v1/goals/" + goal + "/titles")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"title\":\"Stale\",\"version\":0,\"reason\":\"Stale\"}"))
                        .getStatus())
                .isEqualTo(409);
        assertThat(api(post("/api/v1/goals/" + goal + "/titles")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"title\":\" \",\"version\":1}"))
                        .getStatus())
                .isEqualTo(400);

        UUID kpi = fixtures.any("select id from kpi where district_id = ? and name = 'Grade 3 reading proficiency'");
        String read = api(get("/api/v1/kpis/" + kpi)).getContentAsString(StandardCharsets.UTF_8);
        assertThat(read)
                .contains("\"nameTranslation\":\"Competencia lectora en 3.er grado\"")
                .contains("\"language\":\"en\"")
                .contains("\"schoolLevels\":[\"ELEMENTARY\"]");
        int version = Integer.parseInt(read.replaceAll(".*\"version\":(\\d+).*", "$1"));
        MockHttpServletResponse renamed = api(post("/api/v1/kpis/" + kpi + "/names")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Grade 3 reading proficiency\",\"nameTranslation\":\"Lectura en 3.er grado\","
                        + "\"version\":" + version + "}"));
        assertThat(renamed.getStatus()).isEqualTo(200);
        assertThat(api(get("/api/v1/kpis/" + kpi)).getContentAsString(StandardCharsets.UTF_8))
                .contains("\"nameTranslation\":\"Lectura en 3.er grado\"");
    }
}
