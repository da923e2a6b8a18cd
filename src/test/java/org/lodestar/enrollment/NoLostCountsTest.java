package org.lodestar.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Two planners correcting the same school's counts, or the staffing ratios, at once: the second is refused with what
 * they typed beside what is saved now, and can send theirs again on purpose.
 */
@LodestarTest
class NoLostCountsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.param("lang", "en")
                        .with(user(fixtures.user("planner@lakeview.example")))
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }

    private int count(UUID school) {
        return fixtures.jdbc()
                .sql("select students from enrollment_count where school_id = ? and school_year = 2025 and grade = '4'")
                .param(school)
                .query(Integer.class)
                .single();
    }

    private static MockHttpServletRequestBuilder grid(UUID school, int shown, int typed) {
        return post("/enrollment/schools/" + school + "/counts")
                .param("c_2025_4", String.valueOf(typed))
                .param("o_2025_4", String.valueOf(shown));
    }

    @Test
    void aCorrectionOverACountChangedMeanwhileIsRefusedAndCanBeSentAgain() throws Exception {
        UUID school = fixtures.any("select id from school where district_id = ? and name = 'Cedar Elementary'");
        int opened = count(school);

        assertThat(send(grid(school, opened, opened + 2)).getStatus()).isEqualTo(302);
        MockHttpServletResponse second = send(grid(school, opened, opened + 7));

        assertThat(second.getStatus()).isEqualTo(409);
        String page = second.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("data-test=\"edit-conflict\"", "2025-26 4", String.valueOf(opened + 7))
                .contains("name=\"o_2025_4\" value=\"" + (opened + 2) + "\"")
                .contains("name=\"c_2025_4\" value=\"" + (opened + 7) + "\"");
        assertThat(count(school)).isEqualTo(opened + 2);

        // "Save my counts" sends the entries again, now saying they replace what is saved
        assertThat(send(grid(school, opened + 2, opened + 7)).getStatus()).isEqualTo(302);
        assertThat(count(school)).isEqualTo(opened + 7);
    }

    private BigDecimal ratioK3() {
        return fixtures.jdbc()
                .sql("select coalesce((select ratio_k3 from enrollment_settings where district_id = ?), 20)")
                .param(fixtures.demoDistrict())
                .query(BigDecimal.class)
                .single();
    }

    private int settingsVersion() {
        return fixtures.jdbc()
                .sql("select coalesce((select version from enrollment_settings where district_id = ?), 0)")
                .param(fixtures.demoDistrict())
                .query(Integer.class)
                .single();
    }

    private static MockHttpServletRequestBuilder staffing(String ratioK3, int version) {
        return post("/enrollment/staffing")
                .param("ratioK3", ratioK3)
                .param("ratio45", "24")
                .param("ratioSecondary", "26")
                .param("attritionPercent", "10")
                .param("version", String.valueOf(version));
    }

    @Test
    void theSecondSaveOfTheStaffingRatiosIsRefused() throws Exception {
        int opened = settingsVersion();
        String kept = ratioK3().stripTrailingZeros().toPlainString();

        assertThat(send(staffing(kept, opened)).getStatus()).isEqualTo(302);
        MockHttpServletResponse second = send(staffing("18", opened));

        assertThat(second.getStatus()).isEqualTo(409);
        assertThat(second.getContentAsString(StandardCharsets.UTF_8))
                .contains("data-test=\"edit-conflict\"", "Students per teacher, K-3", "18");
        assertThat(ratioK3()).isEqualByComparingTo(kept);
        assertThat(settingsVersion()).isEqualTo(opened == 0 ? 1 : opened + 1);
    }
}
