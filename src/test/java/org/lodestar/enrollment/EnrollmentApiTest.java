package org.lodestar.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.domain.ApiTokenStore;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@LodestarTest
class EnrollmentApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiTokenStore tokens;

    private String token(SignedInUser user) {
        return "Bearer " + tokens.create(user.districtId(), user.userId(), "test");
    }

    @Test
    void readsHistoryForecastAndBacktest() throws Exception {
        String auth = token(fixtures.user("board@lakeview.example"));
        assertThat(mvc.perform(get("/api/v1/enrollment/history").header("Authorization", auth))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("\"grade\":\"K\"")
                .contains("\"year\":2025");
        String forecast = mvc.perform(get("/api/v1/enrollment/forecast").header("Authorization", auth))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(forecast)
                .contains("\"district\":[{\"year\":2026")
                .contains("\"lower80\"")
                .contains("\"schoolTotals\":[{")
                .containsPattern("\"bandSource\":\"(backtest|prior)\"");
        String backtest = mvc.perform(get("/api/v1/enrollment/backtest").header("Authorization", auth))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(backtest)
                .contains("\"lodestar\":[{\"horizon\":1")
                .contains("\"baseline\":[{\"horizon\":1")
                .contains("\"gradeCoverage80\"")
                .contains("\"districtCoverage80\"");
    }

    @Test
    void writesCountsAllOrNoneAndOnlyForPlanners() throws Exception {
        UUID school = fixtures.any("select id from school where district_id = ? and name = 'Aspen Elementary'");
        String good = "[{\"schoolId\":\"" + school + "\",\"year\":2025,\"grade\":\"K\",\"count\":71}]";
        String bad = "[{\"schoolId\":\"" + school + "\",\"year\":2025,\"grade\":\"K\",\"count\":72},{\"schoolId\":\""
                + UUID.randomUUID() + "\",\"year\":2025,\"grade\":\"13\",\"count\":-1}]";
        String viewer = token(fixtures.user("board@lakeview.example"));
        assertThat(mvc.perform(post("/api/v1/enrollment/history")
                                .header("Authorization", viewer)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(good))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        String planner = token(fixtures.user("planner@lakeview.example"));
        var refused = mvc.perform(post("/api/v1/enrollment/history")
                        .header("Authorization", planner)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(bad))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString())
                .contains("\"index\":1")
                .contains("grade must be PK, K or 1-12")
                .contains("count must be 0 or more");
        assertThat(count(school)).isNotEqualTo(72);
        // the cell holds a count already: this call says it replaces whatever is there
        assertThat(mvc.perform(post("/api/v1/enrollment/history?replace=true")
                                .header("Authorization", planner)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(good))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(201);
        assertThat(count(school)).isEqualTo(71);
    }

    @Test
    void anotherDistrictSeesNoneOfThisOnesEnrollment() throws Exception {
        String outsider = token(fixtures.otherDistrictUser("PLANNER"));
        assertThat(mvc.perform(get("/api/v1/enrollment/history").header("Authorization", outsider))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .isEqualTo("[]");
        UUID school = fixtures.any("select id from school where district_id = ? and name = 'Aspen Elementary'");
        var refused = mvc.perform(post("/api/v1/enrollment/history")
                        .header("Authorization", outsider)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"schoolId\":\"" + school + "\",\"year\":2025,\"grade\":\"K\",\"count\":1}]"))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(count(school)).isNotEqualTo(1);
    }

    @Test
    void aCountReplacesAnotherOnlyWhenTheCallNamesIt() throws Exception {
        UUID school = fixtures.any("select id from school where district_id = ? and name = 'Birch Elementary'");
        String planner = token(fixtures.user("planner@lakeview.example"));
        int before = count(school, "3");
        String unnamed =
                "[{\"schoolId\":\"" + school + "\",\"year\":2025,\"grade\":\"3\",\"count\":" + (before + 5) + "}]";
        var refused = mvc.perform(post("/api/v1/enrollment/history")
                        .header("Authorization", planner)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(unnamed))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString()).contains("\"conflicts\"", "\"countNow\":" + before, "\"index\":0");
        assertThat(count(school, "3")).isEqualTo(before);

        String stale = "[{\"schoolId\":\"" + school + "\",\"year\":2025,\"grade\":\"3\",\"count\":" + (before + 5)
                + ",\"replaces\":" + (before - 1) + "}]";
        assertThat(mvc.perform(post("/api/v1/enrollment/history")
                                .header("Authorization", planner)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(stale))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(409);
        String named = "[{\"schoolId\":\"" + school + "\",\"year\":2025,\"grade\":\"3\",\"count\":" + (before + 5)
                + ",\"replaces\":" + before + "}]";
        assertThat(mvc.perform(post("/api/v1/enrollment/history")
                                .header("Authorization", planner)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(named))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(201);
        assertThat(count(school, "3")).isEqualTo(before + 5);
    }

    private int count(UUID school, String grade) {
        return fixtures.jdbc()
                .sql("select students from enrollment_count where school_id = ? and school_year = 2025 and grade = ?")
                .params(school, grade)
                .query(Integer.class)
                .single();
    }

    private int count(UUID school) {
        return fixtures.jdbc()
                .sql("select students from enrollment_count where school_id = ? and school_year = 2025 and grade = 'K'")
                .param(school)
                .query(Integer.class)
                .single();
    }
}
