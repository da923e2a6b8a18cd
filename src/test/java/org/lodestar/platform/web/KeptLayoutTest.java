package org.lodestar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The layout around a kept part (the scorecard's, a KPI page's with its recording form of every school) is kept per
 * person, language and page, rendered once: each request still gets its own form token, in the page's meta tag, its
 * sign-out form and the recording form alike, and that token works while another does not.
 */
@LodestarTest
class KeptLayoutTest {

    private static final Pattern META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ServletTemplates templates;

    private String page(String path, MockHttpSession session, Locale locale) throws Exception {
        var response = mvc.perform(get(path).session(session).locale(locale))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static String token(String page) {
        Matcher meta = META.matcher(page);
        assertThat(meta.find()).as("the page's token").isTrue();
        return meta.group(1);
    }

    @Test
    void eachRequestGetsItsOwnWorkingTokenInALayoutRenderedOnce() throws Exception {
        UUID kpi = fixtures.any("select id from kpi where district_id = ? and name = 'Chronic absenteeism'");
        MockHttpSession planner = Fixtures.session(mvc, "planner@lakeview.example");
        String path = "/kpis/" + kpi;
        page(path, planner, Locale.ENGLISH); // kept from here on, whoever asked before
        int kept = templates.keptLayouts();

        String first = page(path, planner, Locale.ENGLISH);
        String second = page(path, planner, Locale.ENGLISH);

        assertThat(templates.keptLayouts()).as("nothing rendered again").isEqualTo(kept);
        String firstToken = token(first);
        String secondToken = token(second);
        assertThat(firstToken).isNotEqualTo(secondToken).doesNotStartWith("lodestar-token-");
        assertThat(first)
                .doesNotContain("lodestar-token-")
                .contains(fixtures.user("planner@lakeview.example").displayName());
        // the sign-out form and the recording form (its schools listed) carry the page's token too
        assertThat(first.split(Pattern.quote("name=\"_csrf\" value=\"" + firstToken + "\""), -1))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(first).contains("data-test=\"record-school\"").contains("Cedar Elementary");
        assertThat(first.replace(firstToken, "T")).isEqualTo(second.replace(secondToken, "T"));

        // another language is another layout
        assertThat(page(path + "?lang=es", planner, Locale.ENGLISH)).contains("Cerrar sesión");
        assertThat(templates.keptLayouts()).isEqualTo(kept + 1);

        // a wrong token is refused; the page's own one signs out
        assertThat(mvc.perform(post("/logout").session(planner).param("_csrf", "not" + secondToken))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(post("/logout").session(planner).param("_csrf", secondToken))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?signedOut");
    }

    @Test
    void peopleGetTheirOwnLayoutAroundTheSameScorecard() throws Exception {
        MockHttpSession board = Fixtures.session(mvc, "board@lakeview.example");
        MockHttpSession teacher = Fixtures.session(mvc, "teacher@lakeview.example");
        String boardPage = page("/scorecard", board, Locale.ENGLISH);
        String teacherPage = page("/scorecard", teacher, Locale.ENGLISH);
        String boardAgain = page("/scorecard", board, Locale.ENGLISH);

        String boardName = fixtures.user("board@lakeview.example").displayName();
        String teacherName = fixtures.user("teacher@lakeview.example").displayName();
        assertThat(boardPage).contains(boardName).doesNotContain(teacherName);
        assertThat(teacherPage).contains(teacherName).doesNotContain(boardName);
        assertThat(boardAgain.replace(token(boardAgain), "T")).isEqualTo(boardPage.replace(token(boardPage), "T"));
    }
}
