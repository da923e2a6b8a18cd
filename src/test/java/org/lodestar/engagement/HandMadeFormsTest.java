package org.lodestar.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A value no field of a form can hold (a date or a count no browser's input sends) leaves the form unbound: the
 * conversation's and the survey's forms then send the person back to the page, save nothing, and never answer 500.
 */
@LodestarTest
class HandMadeFormsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    private MockHttpServletResponse send(SignedInUser who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
    }

    private static String first(String page, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(page);
        assertThat(matcher.find()).as(pattern).isTrue();
        return matcher.group();
    }

    /** The saved version the session's details form carries: unchanged when nothing was saved. */
    private static String version(String page) {
        return first(page, "name=\"version\" value=\"\\d+\"");
    }

    @Test
    void aSessionsFormsWithUnbindableValuesSaveNothingAndSendBackToTheSession() throws Exception {
        SignedInUser planner = fixtures.user("planner@lakeview.example");
        String assessment =
                first(send(planner, get("/needs")).getContentAsString(), "/needs/assessments/[0-9a-f-]{36}");
        String session = first(
                send(planner, get(assessment + "/conversation")).getContentAsString(),
                "/conversations/sessions/[0-9a-f-]{36}");
        String before = send(planner, get(session)).getContentAsString();

        MockHttpServletResponse details = send(
                planner,
                post(session)
                        .param("stage", "Hand-made stage name")
                        .param("heldAt", "abc")
                        .param("version", "0"));
        MockHttpServletResponse attendance = send(
                planner, post(session + "/attendance").param("FAMILIES", "abc").param("version", "x"));

        assertThat(details.getStatus()).isEqualTo(302);
        assertThat(details.getRedirectedUrl()).isEqualTo(session);
        assertThat(attendance.getStatus()).isLessThan(500);
        String after = send(planner, get(session)).getContentAsString();
        assertThat(after).doesNotContain("Hand-made stage name");
        assertThat(version(after)).isEqualTo(version(before));
    }

    @Test
    void aSurveyWithAnImpossibleClosingDateIsNotMade() throws Exception {
        SignedInUser planner = fixtures.user("planner@lakeview.example");
        MockHttpServletResponse created = send(
                planner,
                post("/surveys")
                        .param("titleEn", "Hand-made survey")
                        .param("titleEs", "Encuesta hecha a mano")
                        .param("closesOn", "31/31/31"));

        assertThat(created.getStatus()).isEqualTo(302);
        assertThat(created.getRedirectedUrl()).isEqualTo("/surveys");
        assertThat(send(planner, get("/surveys")).getContentAsString()).doesNotContain("Hand-made survey");
    }
}
