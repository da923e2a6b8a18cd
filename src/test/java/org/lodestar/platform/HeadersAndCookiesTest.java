package org.lodestar.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.lodestar.support.LodestarTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the real server (Tomcat, not a mock) sends: a referrer policy, a SameSite session cookie, and behind an HTTPS
 * proxy on a trusted address, HSTS and a Secure cookie.
 */
@LodestarTest
class HeadersAndCookiesTest {

    @LocalServerPort
    int port;

    private HttpResponse<String> signInPage(String forwardedProto) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"));
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void plainHttpGetsAReferrerPolicyAndASameSiteCookieButNoHsts() throws Exception {
        var response = signInPage(null);
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("JSESSIONID").contains("SameSite=Lax").contains("HttpOnly");
        assertThat(cookie).doesNotContain("Secure");
    }

    @Test
    void behindAnHttpsProxyTheCookieIsSecureAndHstsIsSent() throws Exception {
        var response = signInPage("https");
        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
        assertThat(response.headers().firstValue("Set-Cookie").orElseThrow())
                .contains("Secure")
                .contains("SameSite=Lax");
    }
}
