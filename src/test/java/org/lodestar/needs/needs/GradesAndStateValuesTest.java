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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Grade-level gaps on an assessment (a large, persistent one becomes a candidate, a small grade is marked and never
 * one), state values by metric, school year and student group (entered, refused at the field, changed, stale, removed,
 * compared with each group of its own year), and a school leader prioritizing their school's needs.
 */
@LodestarTest
class GradesAndStateValuesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CnaStore cna;

    private UUID district;
    private UUID birch;
    private UUID cedar;
    private SignedInUser planner;

    @BeforeEach
    void setUp() {
        district = fixtures.demoDistrict();
        birch = fixtures.any("select id from school where district_id = ? and name = 'Birch Elementary'");
        cedar = fixtures.any("select id from school where district_id = ? and name = 'Cedar Elementary'");
        planner = fixtures.user("planner@lakeview.example");
    }

    private MockHttpServletResponse send(SignedInUser who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private UUID metric(String code, boolean higherIsBetter) {
        return cna.addMetric(
                district,
                new CnaMetric(
                        null,
                        code,
                        "Math " + code,
                        "Matemáticas " + code,
                        CnaArea.STUDENT_ACHIEVEMENT,
                        CnaMetric.Unit.PERCENT,
                        higherIsBetter,
                        true,
                        null,
                        0));
    }

    private UUID start(SignedInUser who, UUID school, int year) throws Exception {
        MockHttpServletResponse started = send(
                who,
                post("/needs/assessments")
                        .param("school", school.toString())
                        .param("schoolYear", String.valueOf(year))
                        .param("title", "Test " + year + " needs"));
        assertThat(started.getStatus()).isEqualTo(302);
        return UUID.fromString(started.getRedirectedUrl().substring("/needs/assessments/".length()));
    }

    private int stateValues(UUID metric) {
        return fixtures.jdbc()
                .sql("select count(*) from cna_state_value where district_id = ? and metric_id = ?")
                .params(district, metric)
                .query(Integer.class)
                .single();
    }

    /**
     * Birch, 2016 to 2018, math proficiency (higher is better): all grades 50, 52, 54 (n 300); grade 3 42, 43, 44 (n
     * 100): 8, 9, 10 points behind its school's all grades in all three years, and behind the district's grade 3 (50,
     * 51, 52) by 8 each year: two candidates, ALL_GRADES (10 x 100 / 100 = 10 students, 3 years behind x 1.5) and
     * DISTRICT; grade 4 (56, 57, 58) is ahead; grade 5 (35, 36, 37) is far behind but from 6 students, fewer than the
     * district's minimum n (10): marked as a small group and never a candidate.
     */
    @Test
    void gradesAreComparedAndALargePersistentGradeGapIsACandidate() throws Exception {
        UUID metric = metric("GR_MATH", true);
        List<CnaValue> values = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int year = 2016 + i;
            values.add(value(metric, birch, year, "", 50 + 2 * i, 300));
            values.add(value(metric, birch, year, "3", 42 + i, 100));
            values.add(value(metric, birch, year, "4", 56 + i, 100));
            values.add(value(metric, birch, year, "5", 35 + i, 6));
            values.add(value(metric, null, year, "", 53 + i, 3000));
            values.add(value(metric, null, year, "3", 50 + i, 1000));
        }
        cna.upsertValues(district, values, CnaStore.Source.SAMPLE, "test", Instant.now());
        UUID assessment = start(planner, birch, 2018);

        String page = text(send(planner, get("/needs/assessments/" + assessment)));

        assertThat(page).contains("data-test=\"grades\"", "Math GR_MATH by grade, 2018-19 (all students)");
        assertThat(page).contains("data-grade=\"3\"", "data-grade=\"4\"", "data-grade=\"5\"");
        assertThat(page.split("data-test=\"small-grade\"", -1)).hasSize(2); // grade 5 only
        String allGrades = metric + ":" + birch + ":ALL:ALL_GRADES:3";
        String againstDistrict = metric + ":" + birch + ":ALL:DISTRICT:3";
        assertThat(page).contains(allGrades, againstDistrict);
        assertThat(page).doesNotContain(metric + ":" + birch + ":ALL:ALL_GRADES:5", ":ALL_GRADES:4");

        assertThat(send(
                                planner,
                                post("/needs/assessments/" + assessment + "/candidates")
                                        .param("key", allGrades)
                                        .param("confirm", "true"))
                        .getStatus())
                .isEqualTo(302);
        UUID need = fixtures.jdbc()
                .sql("select id from need where district_id = ? and assessment_id = ?")
                .params(district, assessment)
                .query(UUID.class)
                .single();
        assertThat(fixtures.jdbc()
                        .sql("select title from need where id = ?")
                        .param(need)
                        .query(String.class)
                        .single())
                .isEqualTo("Math GR_MATH: grade 3 – Birch Elementary");
        assertThat(fixtures.jdbc()
                        .sql("select grade || ' ' || against || ' ' || shortfall from need_evidence where need_id = ?")
                        .param(need)
                        .query(String.class)
                        .single())
                .isEqualTo("3 ALL_GRADES 10.0000");
        // taken: no longer offered; the need page names the grade
        assertThat(text(send(planner, get("/needs/assessments/" + assessment)))).doesNotContain(allGrades);
        assertThat(text(send(planner, get("/needs/" + need)))).contains("grade 3");
    }

    /**
     * State values by year and group: Birch's 2017 chronic absenteeism (lower is better) of all students 12% against
     * the state's 10% of 2017, its economically disadvantaged students 30% against the state's 20% for that group; the
     * state value of 2016 is not compared with 2017.
     */
    @Test
    void stateValuesAreEnteredByYearAndGroupAndComparedWithTheirOwn() throws Exception {
        UUID metric = metric("ST_ABSENT", false);
        cna.upsertValues(
                district,
                List.of(
                        absent(metric, 2017, "ALL", 12, 450),
                        absent(metric, 2017, "ECON", 30, 200),
                        absent(metric, 2017, "EL", 14, 60)),
                CnaStore.Source.SAMPLE,
                "test",
                Instant.now());
        assertThat(enter(planner, metric, "2017", "ALL", "10").getStatus()).isEqualTo(302);
        assertThat(enter(planner, metric, "2017", "ECON", "20,0").getStatus()).isEqualTo(302);
        assertThat(enter(planner, metric, "2016", "EL", "5").getStatus()).isEqualTo(302);
        assertThat(stateValues(metric)).isEqualTo(3);

        String metrics = text(send(planner, get("/needs/metrics")));
        assertThat(metrics).contains("data-state=\"ST_ABSENT 2017 ECON\"", "data-state=\"ST_ABSENT 2016 EL\"");

        UUID assessment = start(planner, birch, 2017);
        String page = text(send(planner, get("/needs/assessments/" + assessment)));
        assertThat(page).contains(metric + ":" + birch + ":ALL:STATE", metric + ":" + birch + ":ECON:STATE");
        assertThat(page).doesNotContain(metric + ":" + birch + ":EL:STATE");

        // bad input: 422 at its field, nothing saved
        MockHttpServletResponse year = enter(planner, metric, "abc", "ALL", "10");
        assertThat(year.getStatus()).isEqualTo(422);
        assertThat(text(year)).contains("id=\"stateYear-error\"", "Choose a school year.");
        MockHttpServletResponse group = enter(planner, metric, "2018", "MARTIANS", "10");
        assertThat(group.getStatus()).isEqualTo(422);
        assertThat(text(group)).contains("id=\"stateGroup-error\"", "Choose one of the district&#39;s student groups.");
        MockHttpServletResponse notNumber = enter(planner, metric, "2018", "ALL", "ten");
        assertThat(notNumber.getStatus()).isEqualTo(422);
        assertThat(text(notNumber)).contains("id=\"stateValue-error\"", "value=\"ten\"");
        assertThat(enter(planner, metric, "2018", "ALL", "150").getStatus()).isEqualTo(422);
        MockHttpServletResponse twice = enter(planner, metric, "2017", "ALL", "11");
        assertThat(twice.getStatus()).isEqualTo(422);
        assertThat(text(twice)).contains("is entered already");
        assertThat(stateValues(metric)).isEqualTo(3);
        assertThat(stateValue(metric, 2017, "ALL")).isEqualByComparingTo("10");

        // a change from an old page is refused (409); the right version saves; blank removes
        assertThat(change(planner, metric, 2017, "ALL", "9", "0").getStatus()).isEqualTo(302);
        assertThat(change(planner, metric, 2017, "ALL", "8", "0").getStatus()).isEqualTo(409);
        assertThat(stateValue(metric, 2017, "ALL")).isEqualByComparingTo("9");
        assertThat(change(planner, metric, 2017, "ALL", "x", "1").getStatus()).isEqualTo(422);
        assertThat(change(planner, metric, 2016, "EL", "", "0").getStatus()).isEqualTo(302);
        assertThat(stateValues(metric)).isEqualTo(2);

        // who: a school leader reads but does not enter; another district does not find the metric
        SignedInUser principal = fixtures.user("principal@lakeview.example");
        assertThat(enter(principal, metric, "2018", "ALL", "10").getStatus()).isEqualTo(403);
        assertThat(change(principal, metric, 2017, "ALL", "1", "1").getStatus()).isEqualTo(403);
        assertThat(text(send(principal, get("/needs/metrics")))).contains("data-state=\"ST_ABSENT 2017 ALL\"");
        SignedInUser other = fixtures.otherDistrictUser("DISTRICT_ADMIN");
        assertThat(enter(other, metric, "2018", "ALL", "10").getStatus()).isEqualTo(404);
        assertThat(change(other, metric, 2017, "ALL", "1", "1").getStatus()).isEqualTo(404);
        assertThat(stateValue(metric, 2017, "ALL")).isEqualByComparingTo("9");
        assertThat(stateValues(metric)).isEqualTo(2);
    }

    /**
     * A principal runs their own school's assessment: takes two needs from the data, confirms them, gives them
     * priorities and links the first to an action of their school's plan.
     */
    @Test
    void aSchoolLeaderPrioritizesTheirSchoolsNeedsAndLinksOneToAnAction() throws Exception {
        SignedInUser principal = fixtures.user("principal@lakeview.example");
        UUID metric = metric("PR_ABSENT", false);
        List<CnaValue> values = new ArrayList<>();
        values.add(new CnaValue(metric, cedar, "ALL", 2025, "", new BigDecimal("12"), 500));
        values.add(new CnaValue(metric, cedar, "ECON", 2025, "", new BigDecimal("25"), 230));
        values.add(new CnaValue(metric, cedar, "EL", 2025, "", new BigDecimal("18"), 80));
        cna.upsertValues(district, values, CnaStore.Source.SAMPLE, "test", Instant.now());
        UUID assessment = fixtures.jdbc()
                .sql("select id from cna where district_id = ? and school_id = ? and school_year = 2025")
                .params(district, cedar)
                .query(UUID.class)
                .optional()
                .orElse(null);
        if (assessment == null) {
            assessment = start(principal, cedar, 2025);
        }
        for (String group : List.of("ECON", "EL")) {
            assertThat(send(
                                    principal,
                                    post("/needs/assessments/" + assessment + "/candidates")
                                            .param("key", metric + ":" + cedar + ":" + group + ":ALL_STUDENTS")
                                            .param("confirm", "true"))
                            .getStatus())
                    .isEqualTo(302);
        }
        UUID econ = need(assessment, "Math PR_ABSENT: Economically");
        UUID el = need(assessment, "Math PR_ABSENT: English");
        String page = text(send(principal, get("/needs/assessments/" + assessment)));
        assertThat(page).contains("data-test=\"priorities\"", "name=\"p_" + econ + "\"");
        int confirmed = fixtures.jdbc()
                .sql("select count(*) from need where assessment_id = ? and status = 'CONFIRMED'")
                .param(assessment)
                .query(Integer.class)
                .single();

        MockHttpServletResponse saved = send(
                principal,
                post("/needs/assessments/" + assessment + "/priorities")
                        .param("p_" + econ, "1")
                        .param("p_" + el, String.valueOf(confirmed)));
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(priority(econ)).isEqualTo(1);
        assertThat(priority(el)).isEqualTo(confirmed);

        Matcher action = Pattern.compile("<option value=\"([0-9a-f-]{36})\">Action: ")
                .matcher(text(send(principal, get("/needs/" + econ))));
        assertThat(action.find()).isTrue();
        assertThat(send(principal, post("/needs/" + econ + "/links").param("item", action.group(1)))
                        .getStatus())
                .isEqualTo(302);
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from need_link where need_id = ? and kind = 'ACTION'")
                        .param(econ)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // another school's leader may not set them
        SignedInUser mapleLeader = fixtures.demoUser(
                "grades-maple-leader@lakeview.example",
                "SCHOOL_LEADER",
                fixtures.any("select id from school where district_id = ? and name = 'Maple Elementary'"));
        assertThat(send(
                                mapleLeader,
                                post("/needs/assessments/" + assessment + "/priorities")
                                        .param("p_" + econ, "2"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(priority(econ)).isEqualTo(1);
    }

    private static CnaValue value(UUID metric, UUID school, int year, String grade, int value, int n) {
        return new CnaValue(metric, school, "ALL", year, grade, BigDecimal.valueOf(value), n);
    }

    private CnaValue absent(UUID metric, int year, String group, int value, int n) {
        return new CnaValue(metric, birch, group, year, "", BigDecimal.valueOf(value), n);
    }

    private MockHttpServletResponse enter(SignedInUser who, UUID metric, String year, String group, String value)
            throws Exception {
        return send(
                who,
                post("/needs/metrics/state")
                        .param("metric", metric.toString())
                        .param("year", year)
                        .param("group", group)
                        .param("value", value));
    }

    private MockHttpServletResponse change(
            SignedInUser who, UUID metric, int year, String group, String value, String version) throws Exception {
        return send(
                who,
                post("/needs/metrics/state/change")
                        .param("metric", metric.toString())
                        .param("year", String.valueOf(year))
                        .param("group", group)
                        .param("value", value)
                        .param("version", version));
    }

    private BigDecimal stateValue(UUID metric, int year, String group) {
        return fixtures.jdbc()
                .sql("select value from cna_state_value where district_id = ? and metric_id = ? and school_year = ?"
                        + " and group_code = ?")
                .params(district, metric, year, group)
                .query(BigDecimal.class)
                .single();
    }

    private UUID need(UUID assessment, String titleStart) {
        return fixtures.jdbc()
                .sql("select id from need where assessment_id = ? and title like ?")
                .params(assessment, titleStart + "%")
                .query(UUID.class)
                .single();
    }

    private Integer priority(UUID need) {
        return fixtures.jdbc()
                .sql("select priority from need where id = ?")
                .param(need)
                .query(Integer.class)
                .single();
    }
}
