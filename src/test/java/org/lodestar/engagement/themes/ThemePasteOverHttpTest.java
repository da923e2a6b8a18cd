package org.lodestar.engagement.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Pasting comments by a hand-made request to the real server (Tomcat, not a mock): a url-encoded post, not the page's
 * multipart form, is read as the form is; one too large for a plain form is told so at the comments (422), never "no
 * comment to save" for text that was there, and nothing is saved.
 */
@LodestarTest
class ThemePasteOverHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ThemeStore store;

    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String path, Map<String, String> fields, String csrfHeader) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (csrfHeader != null) {
            request.header("X-CSRF-TOKEN", csrfHeader);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String page) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (matcher.find()) {
            return matcher.group(1);
        }
        Matcher meta =
                Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page);
        assertThat(meta.find()).as("a form token in the page").isTrue();
        return meta.group(1);
    }

    /** Signs the planner in as a browser would, and returns the form token of the paste page. */
    private String signedInToken() throws Exception {
        String login = token(get("/login").body());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", "planner@lakeview.example");
        fields.put("password", Fixtures.PASSWORD);
        fields.put("_csrf", login);
        HttpResponse<String> signedIn = postForm("/login", fields, null);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        HttpResponse<String> form = get("/themes/paste");
        assertThat(form.statusCode()).isEqualTo(200);
        return token(form.body());
    }

    @Test
    void aUrlEncodedPasteIsReadAsTheFormIs() throws Exception {
        String csrf = signedInToken();
        String title = "Hand-made paste " + UUID.randomUUID();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf);
        fields.put("title", title);
        fields.put("audience", "FAMILIES");
        fields.put("language", "en");
        fields.put("comments", "The bus is late.\nToo much homework.\nLunch is too short.");
        HttpResponse<String> pasted = postForm("/themes/paste", fields, null);

        assertThat(pasted.statusCode()).as(pasted.body()).isEqualTo(302);
        assertThat(pasted.headers().firstValue("Location").orElseThrow()).contains("/themes/");
        ThemeStore.ThemeSet set = store.sets(fixtures.demoDistrict()).stream()
                .filter(s -> s.title().equals(title))
                .findFirst()
                .orElseThrow();
        assertThat(set.comments()).isEqualTo(3);
    }

    @Test
    void aUrlEncodedPasteTooLargeForAPlainFormIsToldSoAtItsCommentsAndNothingIsSaved() throws Exception {
        String csrf = signedInToken();
        int sets = fixtures.count("theme_set");
        int saved = fixtures.count("engagement_comment");
        StringBuilder comments = new StringBuilder();
        while (comments.length() < 3_000_000) {
            comments.append("The bus is late again and my child misses breakfast at school.\n");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "Too large for a plain form");
        fields.put("comments", comments.toString());
        // the token in a header, as htmx sends it: a body this large is not read for it
        HttpResponse<String> pasted = postForm("/themes/paste", fields, csrf);

        assertThat(pasted.statusCode()).isEqualTo(422);
        assertThat(pasted.body())
                .contains("data-test=\"comments-error\"")
                .contains("too large for a plain form")
                .doesNotContain("There is no comment to save");
        assertThat(fixtures.count("theme_set")).isEqualTo(sets);
        assertThat(fixtures.count("engagement_comment")).isEqualTo(saved);
    }
}
