package org.lodestar.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Two admins open the same school, person or the district's settings and both save: the first save stays, the second
 * is refused with 409 and the form shows what they typed beside what is saved now, with the current version, so saving
 * again replaces deliberately.
 */
@LodestarTest
class EditConflictsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(fixtures.user("admin@lakeview.example")))
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }

    private int version(String table, UUID id) {
        return fixtures.jdbc()
                .sql("select version from " + table + " where id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    private static MockHttpServletRequestBuilder school(UUID id, String name, int version) {
        return post("/admin/schools")
                .param("id", id == null ? "" : id.toString())
                .param("name", name)
                .param("level", "ELEMENTARY")
                .param("lowestGrade", "K")
                .param("highestGrade", "5")
                .param("capacity", "400")
                .param("version", String.valueOf(version));
    }

    @Test
    void theSecondSaveOfASchoolIsRefusedAndShowsBothVersions() throws Exception {
        String name = "Conflict Elementary " + UUID.randomUUID();
        assertThat(send(school(null, name, 0)).getStatus()).isEqualTo(302);
        UUID id = fixtures.any("select id from school where district_id = ? and name = '" + name + "'");
        int opened = version("school", id);

        assertThat(send(school(id, name + " (Ana)", opened)).getStatus()).isEqualTo(302);
        MockHttpServletResponse second = send(school(id, name + " (Ben)", opened));

        assertThat(second.getStatus()).isEqualTo(409);
        String page = second.getContentAsString();
        assertThat(page).contains("data-test=\"edit-conflict\"", name + " (Ana)", name + " (Ben)");
        assertThat(page).contains("name=\"version\" value=\"" + (opened + 1) + "\"");
        assertThat(fixtures.jdbc()
                        .sql("select name from school where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo(name + " (Ana)");

        // saving again at the version the conflict showed replaces deliberately
        assertThat(send(school(id, name + " (Ben)", opened + 1)).getStatus()).isEqualTo(302);
        assertThat(version("school", id)).isEqualTo(opened + 2);
    }

    private static MockHttpServletRequestBuilder person(UUID id, String email, String name, int version) {
        return post("/admin/people")
                .param("id", id == null ? "" : id.toString())
                .param("displayName", name)
                .param("email", email)
                .param("active", "true")
                .param("password", id == null ? "copper-fjord-lantern-8" : "")
                .param("grants[0].role", "VIEWER")
                .param("version", String.valueOf(version));
    }

    @Test
    void theSecondSaveOfAPersonIsRefusedAndTheFirstStays() throws Exception {
        String email = "conflict-" + UUID.randomUUID() + "@lakeview.example";
        assertThat(send(person(null, email, "Casey Conflict", 0)).getStatus()).isEqualTo(302);
        UUID id = fixtures.any("select id from app_user where district_id = ? and email = '" + email + "'");

        assertThat(send(person(id, email, "Casey Ana", 0)).getStatus()).isEqualTo(302);
        MockHttpServletResponse second = send(person(id, email, "Casey Ben", 0));

        assertThat(second.getStatus()).isEqualTo(409);
        assertThat(second.getContentAsString()).contains("data-test=\"edit-conflict\"", "Casey Ana", "Casey Ben");
        assertThat(fixtures.jdbc()
                        .sql("select display_name from app_user where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("Casey Ana");
    }

    private static MockHttpServletRequestBuilder settings(District d, String tolerance, int version) {
        return post("/admin/settings")
                .param("name", d.name())
                .param("tierGoal", d.tiers().goal())
                .param("tierOutcome", d.tiers().outcome())
                .param("tierKpi", d.tiers().kpi())
                .param("tierStrategy", d.tiers().strategy())
                .param("tierProject", d.tiers().project())
                .param("tierGoalEs", d.spanishTiers().goal())
                .param("tierOutcomeEs", d.spanishTiers().outcome())
                .param("tierKpiEs", d.spanishTiers().kpi())
                .param("tierStrategyEs", d.spanishTiers().strategy())
                .param("tierProjectEs", d.spanishTiers().project())
                .param("schoolYearStartMonth", String.valueOf(d.schoolYearStartMonth()))
                .param("minimumN", String.valueOf(d.minimumN()))
                .param("statusTolerancePercent", tolerance)
                .param("defaultLanguage", d.defaultLanguage())
                .param("currency", d.currency())
                .param("version", String.valueOf(version));
    }

    @Autowired
    DirectoryApi directory;

    @Test
    void theSecondSaveOfTheSettingsIsRefusedWithTheFieldThatDiffers() throws Exception {
        District d = directory.district(fixtures.demoDistrict());
        String tolerance = d.statusTolerancePercent().stripTrailingZeros().toPlainString();

        assertThat(send(settings(d, tolerance, d.version())).getStatus()).isEqualTo(302);
        MockHttpServletResponse second = send(settings(d, "7", d.version()));

        assertThat(second.getStatus()).isEqualTo(409);
        String page = second.getContentAsString();
        assertThat(page).contains("data-test=\"edit-conflict\"", "Tolerance for at risk");
        assertThat(directory.district(d.id()).statusTolerancePercent()).isEqualByComparingTo(tolerance);
        assertThat(directory.district(d.id()).version()).isEqualTo(d.version() + 1);
    }
}
