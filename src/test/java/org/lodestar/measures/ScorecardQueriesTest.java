package org.lodestar.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.shared.DistrictChanges;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.lodestar.support.StatementCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The signed-in scorecard is computed once per version of the district's data and filter, and computed again at once
 * after a change; what it reads does not grow with the plan.
 */
@LodestarTest
class ScorecardQueriesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MeasuresApi measures;

    @Autowired
    Scorecards scorecards;

    @Autowired
    DistrictChanges changes;

    private StatementCounter.Counted<String> scorecard(SignedInUser who, String query) throws Exception {
        return StatementCounter.count(
                () -> mvc.perform(get("/scorecard" + query).with(user(who)).locale(Locale.ENGLISH))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
    }

    /** The page without its layout (whose form token differs from one request to the next). */
    private static String main(String page) {
        return page.substring(page.indexOf("<main"));
    }

    @Test
    void anUnchangedScorecardIsNotComputedAgainAndARecordedValueShowsAtOnce() throws Exception {
        SignedInUser planner = fixtures.user("planner@lakeview.example");
        UUID kpi = fixtures.any("select id from kpi where district_id = ? and name = 'Chronic absenteeism'");
        var first = scorecard(planner, "");
        var again = scorecard(planner, "");
        // another person of the district, with other rights, reads the same scorecard
        var teacher = scorecard(fixtures.user("teacher@lakeview.example"), "");

        assertThat(first.result())
                .contains("Chronic absenteeism")
                .contains(">18.8%<")
                .doesNotContain(">17.6%<");
        assertThat(main(again.result())).isEqualTo(main(first.result()));
        assertThat(first.statements())
                .as("computed: plans, plan items, KPIs, values...")
                .isLessThanOrEqualTo(12);
        // 5: the account and its grants (checked again at every request), the district twice (the language, the
        // layout) and the version
        assertThat(again.statements()).as("a scorecard computed before").isLessThanOrEqualTo(5);
        assertThat(teacher.statements()).isLessThanOrEqualTo(5);
        assertThat(teacher.result()).contains(">18.8%<");

        Measurement latest = scorecards.measurements(planner.districtId(), kpi).stream()
                .filter(m -> m.schoolId() == null && m.groupCode().equals("ALL") && m.schoolYear() == 2025)
                .findFirst()
                .orElseThrow();
        try {
            measures.record(
                    planner, List.of(new Measurement(kpi, 2025, 0, null, "ALL", new BigDecimal("17.6"), latest.n())));
            var changed = scorecard(planner, "");
            assertThat(changed.result()).contains(">17.6%<");
        } finally {
            measures.record(planner, List.of(latest));
        }
        assertThat(scorecard(planner, "").result()).contains(">18.8%<").doesNotContain(">17.6%<");
    }

    @Test
    void eachFilterIsItsOwnScorecardAndNoDistrictSeesAnothers() throws Exception {
        SignedInUser planner = fixtures.user("planner@lakeview.example");
        UUID cedar = fixtures.any("select id from school where district_id = ? and name = 'Cedar Elementary'");
        String district = scorecard(planner, "").result();
        String school = scorecard(planner, "?school=" + cedar).result();
        String other = scorecard(fixtures.otherDistrictUser("VIEWER"), "").result();

        assertThat(school).isNotEqualTo(district).contains("selected=\"selected\">Cedar Elementary");
        assertThat(other).doesNotContain("Chronic absenteeism").doesNotContain("Cedar Elementary");
    }

    /** The record links of a scorecard's body: one on each KPI card for who may record where the scorecard looks. */
    private static long recordLinks(String page) {
        return main(page).split("data-test=\"record\"", -1).length - 1L;
    }

    @Test
    void rolesThatSeeDifferentScorecardsDoNotShareABodyAndEachPageIsItsPersons() throws Exception {
        UUID cedar = fixtures.any("select id from school where district_id = ? and name = 'Cedar Elementary'");
        SignedInUser board = fixtures.user("board@lakeview.example");
        SignedInUser teacher = fixtures.user("teacher@lakeview.example");
        SignedInUser planner = fixtures.user("planner@lakeview.example");
        String atCedar = "?school=" + cedar;
        // each body is asked for first by someone who may not record, then by someone who may, and the other way round
        String boardAtCedar = scorecard(board, atCedar).result();
        String teacherAtCedar = scorecard(teacher, atCedar).result();
        String plannerInDistrict = scorecard(planner, "").result();
        String boardInDistrict = scorecard(board, "").result();
        String teacherInDistrict = scorecard(teacher, "").result();

        assertThat(recordLinks(boardAtCedar)).as("a viewer records nothing").isZero();
        assertThat(recordLinks(teacherAtCedar))
                .as("a contributor at Cedar records Cedar's values: a link on every KPI card")
                .isPositive()
                .isEqualTo(main(teacherAtCedar).split("data-test=\"kpi-card\"", -1).length - 1L);
        assertThat(teacherAtCedar)
                .contains("/kpis/")
                .contains("school=" + cedar)
                .contains("#record");
        assertThat(recordLinks(plannerInDistrict)).isPositive();
        assertThat(recordLinks(boardInDistrict)).isZero();
        assertThat(recordLinks(teacherInDistrict))
                .as("the teacher may not record for the district")
                .isZero();
        assertThat(main(teacherInDistrict)).isEqualTo(main(boardInDistrict));

        // the layout around the shared body is each person's own: their name, their form token
        assertThat(teacherAtCedar).contains(teacher.displayName()).doesNotContain(board.displayName());
        assertThat(boardAtCedar).contains(board.displayName()).doesNotContain(teacher.displayName());
        assertThat(main(boardAtCedar)).doesNotContain("_csrf").doesNotContain(board.displayName());
    }

    @Test
    void aChangeMadeBehindTheApplicationShowsOnTheNextRequestOnceCounted() throws Exception {
        SignedInUser board = fixtures.user("board@lakeview.example");
        UUID kpi = fixtures.any("select id from kpi where district_id = ? and name = 'Chronic absenteeism'");
        assertThat(scorecard(board, "").result()).contains(">Chronic absenteeism<");
        try {
            fixtures.jdbc()
                    .sql("update kpi set name = 'Chronic absence' where id = ?")
                    .param(kpi)
                    .update();
            changes.count(board.districtId());

            assertThat(scorecard(board, "").result())
                    .contains(">Chronic absence<")
                    .doesNotContain(">Chronic absenteeism<");
        } finally {
            fixtures.jdbc()
                    .sql("update kpi set name = 'Chronic absenteeism' where id = ?")
                    .param(kpi)
                    .update();
            changes.count(board.districtId());
        }
        assertThat(scorecard(board, "").result()).contains(">Chronic absenteeism<");
    }

    @Test
    void theScorecardGoesOutCompressedWithItsBodyCompressedOnce() throws Exception {
        SignedInUser board = fixtures.user("board@lakeview.example");
        String plain = scorecard(board, "").result();
        var zipped = mvc.perform(get("/scorecard")
                        .with(user(board))
                        .locale(Locale.ENGLISH)
                        .header("Accept-Encoding", "gzip, deflate, br"))
                .andReturn()
                .getResponse();

        assertThat(zipped.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(zipped.getHeader("Vary")).contains("Accept-Encoding");
        assertThat(zipped.getContentType()).startsWith("text/html");
        String unzipped;
        try (var in =
                new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.getContentAsByteArray()))) {
            unzipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(unzipped).startsWith("<!DOCTYPE html>").contains("</html>").contains(board.displayName());
        assertThat(main(unzipped)).isEqualTo(main(plain)).contains("Chronic absenteeism");
    }
}
