package org.lodestar.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.domain.ApiTokenStore;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The API and the form refuse the numbers the import refuses: the rule is one (ValueRule). */
@LodestarTest
class MeasurementNumbersTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiTokenStore tokens;

    private UUID kpi(String name) {
        return fixtures.jdbc()
                .sql("select id from kpi where name = ?")
                .param(name)
                .query(UUID.class)
                .single();
    }

    private MockHttpServletResponse api(UUID kpi, String body) throws Exception {
        var planner = fixtures.user("planner@lakeview.example");
        String token = tokens.create(planner.districtId(), planner.userId(), "numbers");
        return mvc.perform(post("/api/v1/kpis/" + kpi + "/measurements")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
    }

    /** Years past the demo's, removed afterwards so that the shared demo scorecard stays as it was. */
    @AfterEach
    void removeTheFutureYears() {
        fixtures.jdbc().sql("delete from measurement where school_year >= 2031").update();
    }

    @Test
    void theApiRefusesAFractionalNAndAPercentOutOfRange() throws Exception {
        int before = fixtures.count("measurement");
        UUID retention = kpi("Teacher retention rate");
        MockHttpServletResponse fractional = api(retention, "[{\"schoolYear\":\"2016-17\",\"value\":80,\"n\":2.7}]");
        assertThat(fractional.getStatus()).isEqualTo(422);
        assertThat(fractional.getContentAsString(StandardCharsets.UTF_8))
                .contains("\"field\":\"n\"")
                .contains("must be a whole number");
        MockHttpServletResponse percents = api(
                retention,
                "[{\"schoolYear\":\"2016-17\",\"value\":-50},{\"schoolYear\":\"2017-18\",\"value\":250},"
                        + "{\"schoolYear\":\"2018-19\",\"value\":1e-30}]");
        assertThat(percents.getStatus()).isEqualTo(422);
        assertThat(percents.getContentAsString(StandardCharsets.UTF_8))
                .contains("{\"index\":0,\"field\":\"value\",\"message\":\"Value \\\"-50\\\" is a percent")
                .contains("{\"index\":1,\"field\":\"value\",\"message\":\"Value \\\"250\\\" is a percent")
                .contains(
                        "{\"index\":2,\"field\":\"value\",\"message\":\"Value \\\"1E-30\\\" has more than 4 decimals");
        assertThat(fixtures.count("measurement")).isEqualTo(before);

        MockHttpServletResponse whole = api(retention, "[{\"schoolYear\":\"2016-17\",\"value\":80.5,\"n\":27.0}]");
        assertThat(whole.getStatus()).isEqualTo(201);
        assertThat(fixtures.jdbc()
                        .sql("select n from measurement where kpi_id = ? and school_year = 2016")
                        .param(retention)
                        .query(Integer.class)
                        .single())
                .isEqualTo(27);
    }

    @Test
    void theFormRefusesAPercentOverAHundred() throws Exception {
        int before = fixtures.count("measurement");
        UUID retention = kpi("Teacher retention rate");
        String page = mvc.perform(post("/kpis/" + retention + "/measurements")
                        .param("schoolYear", "2019-20")
                        .param("period", "0")
                        .param("groupCode", "ALL")
                        .param("value", "250")
                        .param("lang", "en")
                        .with(user(fixtures.user("planner@lakeview.example")))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Value &quot;250&quot; is a percent and must be from 0 to 100.");
        assertThat(fixtures.count("measurement")).isEqualTo(before);
    }
}
