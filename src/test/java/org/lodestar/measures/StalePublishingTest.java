package org.lodestar.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.Goal;
import org.lodestar.planning.PlanningApi;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A goal's publish toggle sent from a publishing page opened before someone else changed the goal is refused on that
 * page, saying what the goal is now and offering to apply the choice again, not with the general conflict page.
 */
@LodestarTest
class StalePublishingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanningApi planning;

    private Goal goal(SignedInUser planner, UUID id) {
        return planning.goal(planner.districtId(), id).orElseThrow();
    }

    private MockHttpServletResponse toggle(
            SignedInUser planner, UUID goal, boolean published, int version, Locale locale) throws Exception {
        return mvc.perform(post("/publishing/goals/" + goal)
                        .param("published", String.valueOf(published))
                        .param("version", String.valueOf(version))
                        .param(
                                "lang",
                                locale.getLanguage()) // a signed-in person's language is chosen, not the browser's
                        .with(user(planner))
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }

    @Test
    void aStaleToggleSaysOnThePublishingPageWhatChangedAndOffersToApplyItAgain() throws Exception {
        SignedInUser planner = fixtures.user("planner@lakeview.example");
        UUID id =
                fixtures.any("select id from goal where district_id = ? and published and title like 'Every student%'");
        Goal seen = goal(planner, id);
        assertThat(seen.published()).isTrue();
        try {
            // someone else rewords the goal after this person's publishing page was opened
            planning.rewordGoal(planner, id, seen.title() + " (reworded)", seen.titleTranslation(), seen.version());

            MockHttpServletResponse stale = toggle(planner, id, false, seen.version(), Locale.ENGLISH);
            String page = stale.getContentAsString(StandardCharsets.UTF_8);

            assertThat(stale.getStatus()).isEqualTo(409);
            assertThat(page)
                    .contains("data-test=\"stale-publish\"")
                    .contains("Someone else changed the goal “" + seen.title() + " (reworded)”")
                    .contains("it is now public")
                    .contains("You asked to take it off the public scorecard")
                    .contains("data-test=\"apply-again\"")
                    .contains("name=\"version\" value=\"" + goal(planner, id).version() + "\"")
                    .contains("Choose which goals and KPIs"); // the publishing page itself, not the conflict page
            assertThat(goal(planner, id).published()).as("nothing applied").isTrue();

            String spanish = toggle(planner, id, false, seen.version(), Locale.forLanguageTag("es"))
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(spanish).contains("Otra persona cambió la meta").contains("ahora es pública");

            // applying it again, from the version now shown, takes it off
            MockHttpServletResponse again =
                    toggle(planner, id, false, goal(planner, id).version(), Locale.ENGLISH);
            assertThat(again.getStatus()).isEqualTo(302);
            assertThat(goal(planner, id).published()).isFalse();

            // a second stale page asks for what is already so: nothing to apply
            String done = toggle(planner, id, false, seen.version(), Locale.ENGLISH)
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(done)
                    .contains("it is now not public")
                    .contains("nothing more to do")
                    .doesNotContain("data-test=\"apply-again\"");
        } finally {
            Goal now = goal(planner, id);
            planning.rewordGoal(planner, id, seen.title(), seen.titleTranslation(), now.version());
            planning.setPublished(planner, id, true, goal(planner, id).version());
        }
        assertThat(goal(planner, id).title()).isEqualTo(seen.title());
    }
}
