package org.lodestar.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.lodestar.support.ReviewPlans;
import org.lodestar.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Once a plan's quarterly review is signed off, a check-in dated in that quarter is refused, for a planner too, with a
 * clear message; an admin posts one only with a reason, which the history keeps. The next quarter is open again.
 */
@LodestarTest
class CheckInLockTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReviewPlans plans;

    @Autowired
    ExecutionApi execution;

    @Autowired
    TestClock clock;

    private SignedInUser planner;
    private SignedInUser admin;

    @BeforeEach
    void inTheSecondQuarterOf2026() {
        planner = fixtures.user("planner@lakeview.example");
        admin = fixtures.user("admin@lakeview.example");
        // the demo district's school year starts in July: 15 October 2026 is in Q2 of 2026-27
        clock.set(Instant.parse("2026-10-15T12:00:00Z"));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private MockHttpServletResponse send(AbstractMockHttpServletRequestBuilder<?> request, SignedInUser as)
            throws Exception {
        return mvc.perform(request.with(user(as)).with(csrf())).andReturn().getResponse();
    }

    private void signOffSecondQuarter(ReviewPlans.Made made) throws Exception {
        MockHttpServletResponse started = send(
                post("/improvement-plans/" + made.plan() + "/quarterly-reviews").param("quarter", "2"), planner);
        UUID review = UUID.fromString(started.getRedirectedUrl().replace("/quarterly-reviews/", ""));
        MockHttpServletRequestBuilder form =
                post("/quarterly-reviews/" + review).param("version", "0").param("signOff", "true");
        for (ReviewRow row : execution.quarterlyReviewRows(planner, review)) {
            form.param("adjustment-" + row.id(), "KEEP");
        }
        assertThat(send(form, planner).getStatus()).isEqualTo(302);
    }

    private MockHttpServletResponse checkIn(UUID action, SignedInUser as, String reason) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/check-ins");
        request.param("item", "action:" + action)
                .param("status", "ON_TRACK")
                .param("whatHappened", "Camp sign-ups opened");
        if (reason != null) {
            request.param("lockReason", reason);
        }
        return send(request, as);
    }

    private int checkIns(UUID action) {
        return fixtures.jdbc()
                .sql("select count(*) from check_in where item_id = ?")
                .param(action)
                .query(Integer.class)
                .single();
    }

    @Test
    void aCheckInInALockedQuarterIsRefusedButForAnAdminWithAReason() throws Exception {
        ReviewPlans.Made made = plans.make("CheckInLock");
        assertThat(checkIn(made.actionIdle(), planner, null).getStatus()).isEqualTo(302);
        signOffSecondQuarter(made);

        MockHttpServletResponse refused = checkIn(made.actionIdle(), planner, "I am a planner");
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("Q2 2026-27 of this plan is locked: its quarterly review was signed off.");
        MockHttpServletResponse noReason = checkIn(made.actionIdle(), admin, " ");
        assertThat(noReason.getStatus()).isEqualTo(422);
        assertThat(noReason.getContentAsString(StandardCharsets.UTF_8))
                .contains("give the reason for posting a check-in in it", "name=\"lockReason\"");
        // the Spanish page says it in Spanish
        MockHttpServletResponse spanish = send(
                multipart("/check-ins")
                        .param("item", "action:" + made.actionIdle())
                        .param("status", "ON_TRACK")
                        .param("whatHappened", "x")
                        .param("lang", "es"),
                planner);
        assertThat(spanish.getContentAsString(StandardCharsets.UTF_8)).contains("de este plan está bloqueado");
        assertThat(checkIns(made.actionIdle())).isEqualTo(1);

        assertThat(checkIn(made.actionIdle(), admin, "The camp's sign-up numbers came late")
                        .getStatus())
                .isEqualTo(302);
        assertThat(checkIns(made.actionIdle())).isEqualTo(2);
        String audited = fixtures.jdbc().sql("""
                        select after_state::text from audit_event
                         where entity_type = 'CheckIn' and actor = 'admin@lakeview.example'
                         order by at desc limit 1""").query(String.class).single();
        assertThat(audited).contains("history.field.lockReason", "The camp's sign-up numbers came late");

        // the third quarter is not locked
        clock.set(Instant.parse("2027-01-12T12:00:00Z"));
        assertThat(checkIn(made.actionIdle(), planner, null).getStatus()).isEqualTo(302);
        assertThat(checkIns(made.actionIdle())).isEqualTo(3);
    }
}
