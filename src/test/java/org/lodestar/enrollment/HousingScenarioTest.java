package org.lodestar.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.enrollment.domain.EnrollmentForecasts;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/** New housing at a school uses every yield it is given, or says which it cannot use: none is dropped silently. */
@LodestarTest
@Transactional
class HousingScenarioTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EnrollmentForecasts forecasting;

    private MockHttpServletRequestBuilder housing(UUID school, String middle) {
        return post("/enrollment/scenarios")
                .param("name", "Maple Ridge homes")
                .param("kind", "HOUSING")
                .param("fromYear", "2026")
                .param("schoolId", school.toString())
                .param("units", "400")
                .param("elementary", "0.3")
                .param("middle", middle)
                .param("high", "0")
                .with(user(fixtures.user("planner@lakeview.example")))
                .with(csrf());
    }

    private int scenarios() {
        return fixtures.jdbc()
                .sql("select count(*) from enrollment_scenario where district_id = ?")
                .param(fixtures.demoDistrict())
                .query(Integer.class)
                .single();
    }

    @Test
    void middleSchoolersOfHomesAtAnElementarySchoolAreNotDroppedSilently() throws Exception {
        UUID cedar = fixtures.any("select id from school where district_id = ? and name = 'Cedar Elementary'");
        forecasting.forecasts(fixtures.demoDistrict()); // the page a planner posts from shows a finished forecast
        int before = scenarios();
        String refused =
                mvc.perform(housing(cedar, "0.15")).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("does not teach every band");
        assertThat(scenarios()).isEqualTo(before);

        var accepted = mvc.perform(housing(cedar, "0")).andReturn().getResponse();
        assertThat(accepted.getRedirectedUrl()).isEqualTo("/enrollment/scenarios");
        assertThat(scenarios()).isEqualTo(before + 1);
    }
}
