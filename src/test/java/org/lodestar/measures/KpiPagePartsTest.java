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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A KPI page's body is kept per version of the district's data and per what the reader may do with it (as the
 * scorecard's): readers with other rights get their own, each page carries its own person's layout and recording form,
 * and a change shows at the next request.
 */
@LodestarTest
class KpiPagePartsTest {

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

    private String page(SignedInUser who, UUID kpi) throws Exception {
        return mvc.perform(get("/kpis/" + kpi).with(user(who)).locale(Locale.ENGLISH))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private UUID kpi() {
        return fixtures.any("select id from kpi where district_id = ? and name = 'Chronic absenteeism'");
    }

    @Test
    void aViewerAndAPlannerGetTheirOwnPartsWhoeverAsksFirst() throws Exception {
        UUID kpi = kpi();
        SignedInUser board = fixtures.user("board@lakeview.example");
        SignedInUser planner = fixtures.user("planner@lakeview.example");
        String boardFirst = page(board, kpi);
        String plannerAfter = page(planner, kpi);
        String boardAgain = page(board, kpi);
        String plannerAgain = page(planner, kpi);

        String edit = "href=\"/kpis/" + kpi + "/edit\"";
        assertThat(boardFirst)
                .contains("Chronic absenteeism")
                .doesNotContain(edit)
                .doesNotContain("id=\"record\"");
        assertThat(plannerAfter).contains(edit).contains("id=\"record\"").contains("name=\"_csrf\"");
        assertThat(boardAgain).doesNotContain(edit).doesNotContain("id=\"record\"");
        assertThat(plannerAgain).contains(edit).contains("id=\"record\"");
        // the layout and the recording form are each person's own
        assertThat(boardAgain).contains(board.displayName()).doesNotContain(planner.displayName());
        assertThat(plannerAgain).contains(planner.displayName()).doesNotContain(board.displayName());
        assertThat(boardFirst.substring(boardFirst.indexOf("<main")))
                .isEqualTo(boardAgain.substring(boardAgain.indexOf("<main")));
    }

    @Test
    void aRecordedValueAndAChangeBehindTheApplicationShowAtTheNextRequest() throws Exception {
        UUID kpi = kpi();
        SignedInUser planner = fixtures.user("planner@lakeview.example");
        SignedInUser board = fixtures.user("board@lakeview.example");
        assertThat(page(board, kpi)).contains(">18.8%<").doesNotContain(">17.6%<");
        Measurement latest = scorecards.measurements(planner.districtId(), kpi).stream()
                .filter(m -> m.schoolId() == null && m.groupCode().equals("ALL") && m.schoolYear() == 2025)
                .findFirst()
                .orElseThrow();
        try {
            measures.record(
                    planner, List.of(new Measurement(kpi, 2025, 0, null, "ALL", new BigDecimal("17.6"), latest.n())));
            assertThat(page(board, kpi)).contains(">17.6%<");
            assertThat(page(planner, kpi)).contains(">17.6%<");
        } finally {
            measures.record(planner, List.of(latest));
        }
        assertThat(page(board, kpi)).contains(">18.8%<").doesNotContain(">17.6%<");

        try {
            fixtures.jdbc()
                    .sql("update kpi set name = 'Chronic absence' where id = ?")
                    .param(kpi)
                    .update();
            changes.count(board.districtId());
            assertThat(page(board, kpi)).contains(">Chronic absence<").doesNotContain(">Chronic absenteeism<");
        } finally {
            fixtures.jdbc()
                    .sql("update kpi set name = 'Chronic absenteeism' where id = ?")
                    .param(kpi)
                    .update();
            changes.count(board.districtId());
        }
        assertThat(page(board, kpi)).contains(">Chronic absenteeism<");
    }
}
