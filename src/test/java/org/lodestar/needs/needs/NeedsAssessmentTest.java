package org.lodestar.needs.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.needs.CnaArea;
import org.lodestar.needs.CnaMetric;
import org.lodestar.needs.CnaValue;
import org.lodestar.needs.domain.CnaStore;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A planner's needs assessment of one school: start it, take candidate needs from the data, merge two without losing
 * evidence, stale and bad saves refused with nothing saved; viewers and other schools' leaders are refused, other
 * districts see nothing.
 */
@LodestarTest
class NeedsAssessmentTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CnaStore cna;

    private UUID district;
    private UUID maple;
    private SignedInUser planner;

    @BeforeEach
    void setUp() {
        district = fixtures.demoDistrict();
        maple = fixtures.any("select id from school where district_id = ? and name = 'Maple Elementary'");
        planner = fixtures.user("planner@lakeview.example");
    }

    private MockHttpServletResponse send(SignedInUser who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
    }

    /** Chronic absenteeism at Maple: all students 12, 13%; economically disadvantaged 18, 30%; English learners 15, 16%. */
    private UUID absenteeism(String code) {
        UUID metric = cna.addMetric(
                district,
                new CnaMetric(
                        null,
                        code,
                        "Chronic absenteeism " + code,
                        "Ausentismo crónico " + code,
                        CnaArea.ATTENDANCE_AND_BEHAVIOR,
                        CnaMetric.Unit.PERCENT,
                        false,
                        true,
                        null,
                        0));
        List<CnaValue> values = new ArrayList<>();
        values.add(new CnaValue(metric, maple, "ALL", 2022, "", new BigDecimal("12.0"), 480));
        values.add(new CnaValue(metric, maple, "ALL", 2023, "", new BigDecimal("13.0"), 470));
        values.add(new CnaValue(metric, maple, "ECON", 2022, "", new BigDecimal("18.0"), 200));
        values.add(new CnaValue(metric, maple, "ECON", 2023, "", new BigDecimal("30.0"), 210));
        values.add(new CnaValue(metric, maple, "EL", 2022, "", new BigDecimal("15.0"), 60));
        values.add(new CnaValue(metric, maple, "EL", 2023, "", new BigDecimal("16.0"), 64));
        cna.upsertValues(district, values, CnaStore.Source.SAMPLE, "test", Instant.now());
        return metric;
    }

    private UUID start(int year) throws Exception {
        MockHttpServletResponse started = send(
                planner,
                post("/needs/assessments")
                        .param("school", maple.toString())
                        .param("schoolYear", String.valueOf(year))
                        .param("title", "Maple " + year + " needs"));
        assertThat(started.getStatus()).isEqualTo(302);
        return UUID.fromString(started.getRedirectedUrl().substring("/needs/assessments/".length()));
    }

    private UUID needOf(UUID assessment, String titlePart) {
        return fixtures.jdbc()
                .sql("select id from need where district_id = ? and assessment_id = ? and title like ?")
                .params(district, assessment, "%" + titlePart + "%")
                .query(UUID.class)
                .single();
    }

    private int evidenceOf(UUID need) {
        return fixtures.jdbc()
                .sql("select count(*) from need_evidence where district_id = ? and need_id = ?")
                .params(district, need)
                .query(Integer.class)
                .single();
    }

    @Test
    void takesCandidatesAndMergesTwoWithoutLosingEvidence() throws Exception {
        UUID metric = absenteeism("CA_MERGE");
        UUID assessment = start(2023);

        String page = send(planner, get("/needs/assessments/" + assessment)).getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Chronic absenteeism CA_MERGE", "Economically disadvantaged", "English learners");
        // ECON: 17 points behind x 210 / 100 = 35.7 students, 2 years (x 1.25), worsening; EL: 3 x 64 / 100 = 1.92
        assertThat(page.indexOf("Economically disadvantaged")).isLessThan(page.indexOf("English learners"));

        String econ = metric + ":" + maple + ":ECON:ALL_STUDENTS";
        String el = metric + ":" + maple + ":EL:ALL_STUDENTS";
        assertThat(send(
                                planner,
                                post("/needs/assessments/" + assessment + "/candidates")
                                        .param("key", econ)
                                        .param("confirm", "true"))
                        .getStatus())
                .isEqualTo(302);
        assertThat(send(
                                planner,
                                post("/needs/assessments/" + assessment + "/candidates")
                                        .param("key", el))
                        .getStatus())
                .isEqualTo(302);
        UUID kept = needOf(assessment, "Economically");
        UUID merged = needOf(assessment, "English");
        assertThat(fixtures.jdbc()
                        .sql("select status from need where id = ?")
                        .param(kept)
                        .query(String.class)
                        .single())
                .isEqualTo("CONFIRMED");
        assertThat(evidenceOf(kept)).isEqualTo(1);
        assertThat(evidenceOf(merged)).isEqualTo(1);
        // a candidate taken is not offered again
        assertThat(send(
                                planner,
                                post("/needs/assessments/" + assessment + "/candidates")
                                        .param("key", econ))
                        .getStatus())
                .isEqualTo(404);

        MockHttpServletResponse merging = send(
                planner,
                post("/needs/assessments/" + assessment + "/merge")
                        .param("keep", kept.toString())
                        .param("merge", merged.toString())
                        .param("v_" + kept, fixtures.version("need", kept))
                        .param("v_" + merged, fixtures.version("need", merged)));

        assertThat(merging.getStatus()).isEqualTo(302);
        assertThat(evidenceOf(kept)).isEqualTo(2);
        assertThat(evidenceOf(merged)).isZero();
        var row = fixtures.jdbc()
                .sql("select status, merged_into, title from need where id = ?")
                .param(merged)
                .query()
                .singleRow();
        assertThat(row.get("status")).isEqualTo("MERGED");
        assertThat(row.get("merged_into")).isEqualTo(kept);
        assertThat((String) row.get("title")).contains("English learners");
        String mergedPage = send(planner, get("/needs/" + merged)).getContentAsString(StandardCharsets.UTF_8);
        assertThat(mergedPage).contains("Merged into", "/needs/" + kept);
        String keptPage = send(planner, get("/needs/" + kept)).getContentAsString(StandardCharsets.UTF_8);
        assertThat(keptPage).contains("Worsening", "data-chart=").contains("No action answers this need yet.");
    }

    @Test
    void aStaleSaveIsRefusedWith409AndABadOneWith422NothingSaved() throws Exception {
        UUID metric = absenteeism("CA_STALE");
        UUID assessment = start(2022);
        send(
                planner,
                post("/needs/assessments/" + assessment + "/candidates")
                        .param("key", metric + ":" + maple + ":ECON:ALL_STUDENTS"));
        UUID need = needOf(assessment, "CA_STALE");
        String read = fixtures.version("need", need);
        assertThat(send(
                                planner,
                                post("/needs/" + need)
                                        .param("title", "First edit")
                                        .param("version", read))
                        .getStatus())
                .isEqualTo(302);

        MockHttpServletResponse stale = send(
                planner,
                post("/needs/" + need)
                        .param("title", "Second edit from an old page")
                        .param("version", read));

        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString(StandardCharsets.UTF_8))
                .contains("Second edit from an old page", "First edit", "data-test=\"edit-conflict\"");
        assertThat(title(need)).isEqualTo("First edit");

        MockHttpServletResponse blank = send(
                planner, post("/needs/" + need).param("title", "  ").param("version", fixtures.version("need", need)));
        assertThat(blank.getStatus()).isEqualTo(422);
        assertThat(blank.getContentAsString(StandardCharsets.UTF_8))
                .contains("Write a title of at most 300 characters.");
        assertThat(title(need)).isEqualTo("First edit");

        // a root cause with a because missing its text, and a priority out of range: 422, nothing saved
        MockHttpServletResponse noCause = send(
                planner,
                post("/needs/" + need + "/causes")
                        .param("method", "FIVE_WHYS")
                        .param("version", fixtures.version("need", need)));
        assertThat(noCause.getStatus()).isEqualTo(422);
        assertThat(noCause.getContentAsString(StandardCharsets.UTF_8)).contains("Write at least one cause.");
        send(
                planner,
                post("/needs/" + need + "/status")
                        .param("status", "CONFIRMED")
                        .param("version", fixtures.version("need", need)));
        MockHttpServletResponse priority = send(
                planner,
                post("/needs/assessments/" + assessment + "/priorities").param("p_" + need, "5"));
        assertThat(priority.getStatus()).isEqualTo(422);
        assertThat(fixtures.jdbc()
                        .sql("select priority from need where id = ?")
                        .param(need)
                        .query(Integer.class)
                        .optional())
                .isEmpty();
        assertThat(send(
                                planner,
                                post("/needs/assessments/" + assessment + "/priorities")
                                        .param("p_" + need, "1"))
                        .getStatus())
                .isEqualTo(302);
        assertThat(fixtures.jdbc()
                        .sql("select priority from need where id = ?")
                        .param(need)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // a second assessment of the same school and year: 422 at the school year
        MockHttpServletResponse twice = send(
                planner,
                post("/needs/assessments")
                        .param("school", maple.toString())
                        .param("schoolYear", "2022")
                        .param("title", "Again"));
        assertThat(twice.getStatus()).isEqualTo(422);
        assertThat(twice.getContentAsString(StandardCharsets.UTF_8)).contains("There is already a needs assessment");
    }

    private String title(UUID need) {
        return fixtures.jdbc()
                .sql("select title from need where id = ?")
                .param(need)
                .query(String.class)
                .single();
    }

    @Test
    void viewersAndOtherSchoolsLeadersAreRefusedAndOtherDistrictsSeeNothing() throws Exception {
        UUID metric = absenteeism("CA_ROLES");
        UUID assessment = start(2024);
        send(
                planner,
                post("/needs/assessments/" + assessment + "/candidates")
                        .param("key", metric + ":" + maple + ":ECON:ALL_STUDENTS"));
        UUID need = needOf(assessment, "CA_ROLES");
        SignedInUser board = fixtures.user("board@lakeview.example");
        SignedInUser cedarPrincipal = fixtures.user("principal@lakeview.example");
        SignedInUser other = fixtures.otherDistrictUser("DISTRICT_ADMIN");

        assertThat(send(board, get("/needs")).getStatus()).isEqualTo(403);
        assertThat(send(board, get("/needs/assessments/" + assessment)).getStatus())
                .isEqualTo(403);
        assertThat(send(board, get("/needs/" + need)).getStatus()).isEqualTo(403);
        assertThat(send(board, post("/needs/" + need).param("title", "x").param("version", "0"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(cedarPrincipal, get("/needs/assessments/" + assessment)).getStatus())
                .isEqualTo(403);
        assertThat(send(cedarPrincipal, get("/needs")).getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("/needs/assessments/" + assessment);
        assertThat(send(other, get("/needs/assessments/" + assessment)).getStatus())
                .isEqualTo(404);
        assertThat(send(other, get("/needs/" + need)).getStatus()).isEqualTo(404);
        assertThat(send(
                                other,
                                post("/needs/" + need + "/status")
                                        .param("status", "DISMISSED")
                                        .param("version", "0"))
                        .getStatus())
                .isEqualTo(404);
        assertThat(title(need)).contains("CA_ROLES");
    }

    @Test
    void theDemoDistrictHasThreePrioritizedNeedsTwoFromTheDataAndOneNoActionAnswers() throws Exception {
        UUID assessment = fixtures.jdbc()
                .sql("select id from cna where district_id = ? and school_id is null and school_year = 2025")
                .param(district)
                .query(UUID.class)
                .single();
        List<Integer> priorities = fixtures.jdbc()
                .sql("select priority from need where assessment_id = ? and status = 'CONFIRMED' order by priority")
                .param(assessment)
                .query(Integer.class)
                .list();
        assertThat(priorities).containsExactly(1, 2, 3);

        String page = send(planner, get("/needs/assessments/" + assessment)).getContentAsString(StandardCharsets.UTF_8);

        assertThat(page)
                .contains(
                        "Chronic absenteeism of economically disadvantaged students",
                        "Math proficiency of economically disadvantaged students");
        assertThat(page.split("data-test=\"unanswered\"", -1)).hasSize(2); // only family engagement
        UUID attendance = needOf(assessment, "Chronic absenteeism of economically");
        // the two needs the data suggested keep their evidence: the metric and group they were confirmed from
        List<String> evidence = fixtures.jdbc()
                .sql("select m.code || ':' || e.group_code from need_evidence e join cna_metric m on m.id = e.metric_id"
                        + " join need n on n.id = e.need_id where n.assessment_id = ? order by m.code")
                .param(assessment)
                .query(String.class)
                .list();
        assertThat(evidence).containsExactly("CHRONIC_ABSENTEEISM:ECON", "PROFICIENCY_MATHEMATICS:ECON");
        // the page leads to the assessment's staged conversation and its survey (kept by the engagement module)
        assertThat(page)
                .contains(
                        "href=\"/needs/assessments/" + assessment + "/conversation\"",
                        "Staged conversation",
                        "3 stages, 3 held",
                        "Survey: ");
        UUID action = fixtures.jdbc()
                .sql("select item_id from need_link where need_id = ?")
                .param(attendance)
                .query(UUID.class)
                .single();
        assertThat(send(planner, get("/actions/" + action)).getContentAsString(StandardCharsets.UTF_8))
                .contains("Needs it answers", "/needs/" + attendance);
        // viewers read nothing of needs, not even their titles on an action's page
        assertThat(send(fixtures.user("board@lakeview.example"), get("/actions/" + action))
                        .getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("/needs/" + attendance, "Chronic absenteeism of economically");
    }

    @Test
    void aRootCauseIsFiveWhysOrAFishboneAndAStaleOneKeepsTheLinesTyped() throws Exception {
        UUID metric = absenteeism("CA_CAUSE");
        UUID assessment = start(2025);
        send(
                planner,
                post("/needs/assessments/" + assessment + "/candidates")
                        .param("key", metric + ":" + maple + ":ECON:ALL_STUDENTS"));
        UUID need = needOf(assessment, "CA_CAUSE");
        String read = fixtures.version("need", need);

        MockHttpServletResponse noCategory = send(
                planner,
                post("/needs/" + need + "/causes")
                        .param("method", "FISHBONE")
                        .param("because_1", "Buses run late on the east side.")
                        .param("version", read));
        assertThat(noCategory.getStatus()).isEqualTo(422);
        assertThat(noCategory.getContentAsString(StandardCharsets.UTF_8))
                .contains("Choose a category for each cause of a fishbone.", "Buses run late on the east side.");

        assertThat(send(
                                planner,
                                post("/needs/" + need + "/causes")
                                        .param("method", "FISHBONE")
                                        .param("category_1", "ENVIRONMENT")
                                        .param("because_1", "Buses run late on the east side.")
                                        .param("category_2", "PROCESS")
                                        .param("because_2", "Families are called after the tenth absence.")
                                        .param("version", read))
                        .getStatus())
                .isEqualTo(302);
        assertThat(fixtures.jdbc()
                        .sql("select category from need_cause where need_id = ? order by position")
                        .param(need)
                        .query(String.class)
                        .list())
                .containsExactly("ENVIRONMENT", "PROCESS");

        MockHttpServletResponse stale = send(
                planner,
                post("/needs/" + need + "/causes")
                        .param("method", "FIVE_WHYS")
                        .param("why_1", "Why absent?")
                        .param("because_1", "A line typed on an old page.")
                        .param("version", read));
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString(StandardCharsets.UTF_8))
                .contains("A line typed on an old page.", "data-test=\"cause-conflict\"");
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from need_cause where need_id = ?")
                        .param(need)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }
}
