package org.lodestar.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The KPI page answers "will we reach the target?" for a KPI with six years of values (the demo's). */
@LodestarTest
class KpiProjectionPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void aKpiWithEnoughHistoryShowsItsProjectionIntervalAndBacktestedError() throws Exception {
        UUID kpi = fixtures.jdbc()
                .sql("select id from kpi where name = ?")
                .param("Grade 3 reading proficiency")
                .query(UUID.class)
                .single();
        String page = mvc.perform(get("/kpis/" + kpi).with(user(fixtures.user("planner@lakeview.example"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("data-test=\"projection\"")
                .contains("Will we reach the target?")
                .containsPattern("(Likely|Unlikely|Uncertain):")
                .contains("80% interval")
                .contains("holding the latest value");
    }
}
