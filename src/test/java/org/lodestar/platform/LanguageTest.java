package org.lodestar.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@LodestarTest
class LanguageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    private String page(String path, String acceptLanguage) throws Exception {
        var request = get(path);
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    @Test
    void thePublicPageFollowsTheBrowsersLanguageWhenNoneWasChosen() throws Exception {
        assertThat(page("/p/lakeview", "es-MX,es;q=0.9,en;q=0.5")).contains("<html lang=\"es\"");
        assertThat(page("/p/lakeview", "en-US,en;q=0.9")).contains("<html lang=\"en\"");
        // a browser that states neither language gets the district's default (English for the demo district)
        assertThat(page("/p/lakeview", "fr-FR")).contains("<html lang=\"en\"");
        assertThat(page("/p/lakeview?lang=es", "en-US")).contains("<html lang=\"es\"");
    }

    @Test
    void theLanguageSwitchKeepsThePagesOtherParameters() throws Exception {
        UUID cedar = fixtures.any("select id from school where district_id = ? and name = 'Cedar Elementary'");
        String html = mvc.perform(
                        get("/plans/new?school=" + cedar).with(user(fixtures.user("principal@lakeview.example"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .containsPattern("href=\"/plans/new\\?school=" + cedar + "&amp;lang=es\"[^>]*data-test=\"language\"");
        String scorecard = mvc.perform(
                        get("/scorecard?group=ECON&lang=en").with(user(fixtures.user("planner@lakeview.example"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(scorecard).contains("href=\"/scorecard?group=ECON&amp;lang=es\"");
    }
}
