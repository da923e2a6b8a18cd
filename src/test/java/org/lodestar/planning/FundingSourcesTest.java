package org.lodestar.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A district admin adds a funding source of the district's own: a cost may then name it (a code nobody added is still
 * refused), its allocation is checked against the year's costs like a built-in fund's, two renames from the same reading
 * meet as a conflict, a fund in use is retired rather than deleted, a retired fund is no longer offered, and every change
 * is audited. Nobody but an admin changes funds, and a fund of another district is not found.
 */
@LodestarTest
class FundingSourcesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanningApi planning;

    private MockHttpServletResponse send(SignedInUser who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
    }

    private SignedInUser admin() {
        return fixtures.user("admin@lakeview.example");
    }

    private UUID fundId(String code) {
        return fixtures.jdbc()
                .sql("select id from funding_source where district_id = ? and code = ?")
                .params(fixtures.demoDistrict(), code)
                .query(UUID.class)
                .single();
    }

    /** A district improvement plan of 2028-29 made from the strategic plan's first goal and strategy; its action. */
    private UUID newAction(SignedInUser planner) throws Exception {
        PlanSummary strategic =
                planning.districtStrategicPlan(fixtures.demoDistrict()).orElseThrow();
        PlanNodes nodes = planning.nodesOfPlan(fixtures.demoDistrict(), strategic.id());
        Goal goal = nodes.goals().get(0);
        Strategy strategy = nodes.strategies().stream()
                .filter(s -> s.goalId().equals(goal.id()))
                .findFirst()
                .orElseThrow();
        MockHttpServletResponse created = send(
                planner,
                post("/improvement-plans")
                        .param("year", "2028")
                        .param("title", "District plan with a state grant 2028-29")
                        .param("goals", goal.id().toString())
                        .param("strategies", strategy.id().toString()));
        UUID plan = UUID.fromString(created.getRedirectedUrl().replaceAll("/plans/([^?]+).*", "$1"));
        return planning.nodesOfPlan(fixtures.demoDistrict(), plan)
                .strategies()
                .get(0)
                .id();
    }

    @Test
    void anAddedFundIsUsedOnAnActionCheckedAgainstItsAllocationAndRetiredNotDeleted() throws Exception {
        SignedInUser planner = fixtures.user("planner@lakeview.example");
        assertThat(send(
                                planner,
                                post("/funding/sources")
                                        .param("code", "STATE_READING")
                                        .param("nameEn", "State reading grant"))
                        .getStatus())
                .isEqualTo(403);

        MockHttpServletResponse added = send(
                admin(),
                post("/funding/sources")
                        .param("code", "state reading")
                        .param("nameEn", "State reading grant")
                        .param("nameEs", "Subvención estatal de lectura")
                        .param("kind", "STATE"));
        assertThat(added.getRedirectedUrl()).isEqualTo("/funding/sources?added=STATE_READING");
        UUID fund = fundId("STATE_READING");

        MockHttpServletResponse again = send(
                admin(), post("/funding/sources").param("code", "STATE_READING").param("nameEn", "Twice"));
        assertThat(again.getStatus()).isEqualTo(422);
        assertThat(again.getContentAsString(StandardCharsets.UTF_8))
                .contains("The district has a fund with the code STATE_READING already.");
        MockHttpServletResponse builtIn = send(
                admin(),
                post("/funding/sources")
                        .param("code", "TITLE_I_A")
                        .param("nameEn", "Title I again")
                        .param("lang", "es"));
        assertThat(builtIn.getContentAsString(StandardCharsets.UTF_8))
                .contains("El distrito ya tiene un fondo con el código TITLE_I_A.");
        MockHttpServletResponse nameless =
                send(admin(), post("/funding/sources").param("code", "NO_NAME"));
        assertThat(nameless.getStatus()).isEqualTo(422);
        assertThat(nameless.getContentAsString(StandardCharsets.UTF_8))
                .contains("Give the fund a name in English or Spanish.");
        assertThat(send(
                                admin(),
                                post("/funding/sources")
                                        .param("code", "9-lives!")
                                        .param("nameEn", "x"))
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("Capital letters, digits and underscores, 2 to 40");

        // the action's cost form offers it, and a cost may name it; a code nobody added is still refused
        UUID action = newAction(planner);
        assertThat(send(planner, get("/actions/" + action)).getContentAsString(StandardCharsets.UTF_8))
                .contains("<option value=\"STATE_READING\">State reading grant</option>");
        assertThat(send(
                                planner,
                                post("/actions/" + action + "/costs")
                                        .param("fund", "STATE_READING")
                                        .param("purpose", "GENERAL")
                                        .param("amount", "25000"))
                        .getStatus())
                .isEqualTo(302);
        assertThat(send(
                                planner,
                                post("/actions/" + action + "/costs")
                                        .param("fund", "STATE_WRITING")
                                        .param("purpose", "GENERAL")
                                        .param("amount", "1"))
                        .getStatus())
                .isEqualTo(422);
        int year = 2028;

        // its allocation is entered on the funding page and checked like a built-in fund's
        String funding = send(planner, get("/funding").param("year", String.valueOf(year)))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(funding).contains("id=\"amount_STATE_READING\"", "State reading grant");
        send(
                planner,
                post("/funding")
                        .param("year", String.valueOf(year))
                        .param("amount_STATE_READING", "20,000")
                        .param("shown_STATE_READING", ""));
        String checked = send(planner, get("/funding").param("year", String.valueOf(year)))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(checked).contains("State reading grant: The planned costs stay within the allocation.");
        assertThat(checked.substring(checked.indexOf("State reading grant: The planned costs")))
                .contains("Not met");

        // renamed by two admins from the same reading: the second is refused with both versions
        MockHttpServletResponse renamed = send(
                admin(),
                post("/funding/sources/" + fund)
                        .param("nameEn", "State early reading grant")
                        .param("nameEs", "Subvención estatal de lectura temprana")
                        .param("kind", "STATE")
                        .param("version", "0"));
        assertThat(renamed.getStatus()).isEqualTo(302);
        MockHttpServletResponse late = send(
                admin(),
                post("/funding/sources/" + fund)
                        .param("nameEn", "Reading grant (state)")
                        .param("kind", "GRANT")
                        .param("version", "0"));
        assertThat(late.getStatus()).isEqualTo(409);
        assertThat(late.getContentAsString(StandardCharsets.UTF_8))
                .contains("data-test=\"edit-conflict\"", "Reading grant (state)", "State early reading grant")
                .contains("name=\"version\" value=\"1\"");
        assertThat(send(planner, get("/actions/" + action).param("lang", "es"))
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("Subvención estatal de lectura temprana");

        // in use: not deleted, retired instead, and no longer offered for new costs
        MockHttpServletResponse delete =
                send(admin(), post("/funding/sources/" + fund + "/delete").param("version", "1"));
        assertThat(delete.getStatus()).isEqualTo(422);
        assertThat(delete.getContentAsString(StandardCharsets.UTF_8)).contains("data-test=\"in-use\"");
        assertThat(fixtures.count("funding_source")).isPositive();
        assertThat(send(
                                admin(),
                                post("/funding/sources/" + fund)
                                        .param("nameEn", "State early reading grant")
                                        .param("kind", "STATE")
                                        .param("retired", "true")
                                        .param("version", "1"))
                        .getStatus())
                .isEqualTo(302);
        String actionPage = send(planner, get("/actions/" + action)).getContentAsString(StandardCharsets.UTF_8);
        assertThat(actionPage).doesNotContain("<option value=\"STATE_READING\"").contains("State early reading grant");
        assertThat(send(
                                planner,
                                post("/actions/" + action + "/costs")
                                        .param("fund", "STATE_READING")
                                        .param("purpose", "GENERAL")
                                        .param("amount", "1"))
                        .getStatus())
                .isEqualTo(422);
        assertThat(send(planner, get("/funding").param("year", String.valueOf(year)))
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"amount_STATE_READING\"");

        // a fund nothing names is deleted
        send(admin(), post("/funding/sources").param("code", "TYPO_FUND").param("nameEn", "Typo"));
        UUID typo = fundId("TYPO_FUND");
        assertThat(send(admin(), post("/funding/sources/" + typo + "/delete").param("version", "0"))
                        .getRedirectedUrl())
                .isEqualTo("/funding/sources?deleted");

        assertThat(fixtures.jdbc()
                        .sql("select string_agg(action, ',' order by at, action) from audit_event"
                                + " where district_id = ? and entity_type = 'FundingSource' and entity_id = ?")
                        .params(fixtures.demoDistrict(), fund)
                        .query(String.class)
                        .single())
                .isEqualTo("CREATED,UPDATED,UPDATED");
        assertThat(send(admin(), get("/history/" + fund)).getContentAsString(StandardCharsets.UTF_8))
                .contains("the funding source", "State early reading grant");

        SignedInUser outsider = fixtures.otherDistrictUser("DISTRICT_ADMIN");
        assertThat(send(outsider, get("/funding/sources/" + fund)).getStatus()).isEqualTo(404);
        assertThat(send(outsider, get("/funding/sources")).getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("data-code=\"STATE_READING\"", "State early reading grant");
    }
}
