package org.lodestar.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A school goal's reason for carrying out a district goal is versioned like every edit form: of two people who opened
 * it, the second to save gets the goal's page again with a 409, their reason beside the one saved now and the saved
 * version, and saving again replaces the other reason on purpose. Aligning two goals that someone aligned meanwhile
 * is refused the same way, never silently replacing their reason.
 */
@LodestarTest
class AlignmentConflictTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanningApi planning;

    private SignedInUser principal;
    private SignedInUser planner;
    private UUID schoolGoal;
    private UUID districtGoal;

    @BeforeEach
    void aSchoolGoalOfCedarAlignedToADistrictGoal() throws Exception {
        principal = fixtures.user("principal@lakeview.example");
        planner = fixtures.user("planner@lakeview.example");
        UUID cedarPlan = fixtures.any("""
                select p.id from plan p join school s on s.district_id = p.district_id and s.id = p.school_id
                 where p.district_id = ? and s.name = 'Cedar Elementary'""");
        schoolGoal = planning.addGoal(principal, cedarPlan, "Aligned in a conflict test", null);
        districtGoal = planning.districtStrategicPlan(principal.districtId())
                .map(plan -> planning.nodesOfPlan(principal.districtId(), plan.id())
                        .goals()
                        .get(0)
                        .id())
                .orElseThrow();
        planning.align(principal, schoolGoal, districtGoal, "The first reason");
        // Cedar's plan is adopted: each of them says why they change it, once this sitting
        for (SignedInUser editor : List.of(principal, planner)) {
            sessions.put(editor.email(), new MockHttpSession());
            mvc.perform(post("/plans/" + cedarPlan + "/reason")
                    .param("reason", "The alignments are reworded.")
                    .session(sessions.get(editor.email()))
                    .with(user(editor))
                    .with(csrf()));
        }
    }

    private final Map<String, MockHttpSession> sessions = new HashMap<>();

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, SignedInUser as) throws Exception {
        return mvc.perform(request.session(sessions.get(as.email()))
                        .with(user(as))
                        .with(csrf())
                        .locale(Locale.ENGLISH))
                .andReturn()
                .getResponse();
    }

    private MockHttpServletRequestBuilder change(String rationale, int version) {
        return post("/goals/" + schoolGoal + "/alignments/" + districtGoal)
                .param("rationale", rationale)
                .param("version", String.valueOf(version));
    }

    /** The version in the reason's form of the goal's page. */
    private int version(MockHttpServletResponse page) throws Exception {
        Matcher matcher = Pattern.compile(
                        "/alignments/" + districtGoal + "\"[^>]*>(?:(?!</form>).)*?name=\"version\" value=\"(\\d+)\"",
                        Pattern.DOTALL)
                .matcher(page.getContentAsString(StandardCharsets.UTF_8));
        assertThat(matcher.find()).as("the reason's form with its version").isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private String saved() {
        return planning.alignments(principal.districtId()).stream()
                .filter(a -> a.schoolGoalId().equals(schoolGoal)
                        && a.districtGoalId().equals(districtGoal))
                .findFirst()
                .orElseThrow()
                .rationale();
    }

    @Test
    void theSecondChangeOfAReasonIsRefusedWithBothReasonsAndSavingAgainReplacesOnPurpose() throws Exception {
        int opened = version(send(get("/goals/" + schoolGoal), principal));
        assertThat(version(send(get("/goals/" + schoolGoal), planner))).isEqualTo(opened);

        assertThat(send(change("The planner's reason", opened), planner).getStatus())
                .isEqualTo(302);
        MockHttpServletResponse second = send(change("The principal's reason", opened), principal);
        String page = second.getContentAsString(StandardCharsets.UTF_8);

        assertThat(second.getStatus()).isEqualTo(409);
        assertThat(page)
                .contains("data-test=\"edit-conflict\"")
                .contains("The planner&#39;s reason")
                .contains("value=\"The principal&#39;s reason\"");
        assertThat(saved()).as("the first save is kept").isEqualTo("The planner's reason");
        int now = version(second);
        assertThat(now).isEqualTo(opened + 1);

        assertThat(send(change("The principal's reason", now), principal).getStatus())
                .isEqualTo(302);
        assertThat(saved()).isEqualTo("The principal's reason");
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from audit_event where entity_id = ? and after_state::text like ?")
                        .params(schoolGoal, "%principal's reason%")
                        .query(Integer.class)
                        .single())
                .as("the change is in the goal's history")
                .isEqualTo(1);
    }

    @Test
    void aChangeWithoutAVersionOrAnAlignmentMadeMeanwhileIsRefusedNotReplacing() throws Exception {
        MockHttpServletResponse noVersion = send(
                post("/goals/" + schoolGoal + "/alignments/" + districtGoal).param("rationale", "Without a version"),
                principal);
        MockHttpServletResponse alignedMeanwhile = send(
                post("/goals/" + schoolGoal + "/alignments")
                        .param("districtGoal", districtGoal.toString())
                        .param("rationale", "Aligned again"),
                planner);

        assertThat(noVersion.getStatus()).isEqualTo(409);
        assertThat(alignedMeanwhile.getStatus()).isEqualTo(409);
        assertThat(alignedMeanwhile.getContentAsString(StandardCharsets.UTF_8))
                .contains("data-test=\"edit-conflict\"")
                .contains("The first reason")
                .contains("value=\"Aligned again\"");
        assertThat(saved()).isEqualTo("The first reason");
    }

    @Test
    void anEmptyReasonIsRefusedAtItsField() throws Exception {
        MockHttpServletResponse empty = send(change(" ", 0), principal);

        assertThat(empty.getStatus()).isEqualTo(200);
        assertThat(empty.getContentAsString(StandardCharsets.UTF_8))
                .contains("Say why, in at most 1000 characters.")
                .contains("aria-invalid=\"true\"");
        assertThat(saved()).isEqualTo("The first reason");
    }
}
