package org.lodestar.execution.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guard against server-side request forgery, without private hosts allowed (as in production). */
class UrlGuardTest {

    private static final Map<String, String> NAMES = Map.of(
            "hooks.example.org", "93.184.216.34",
            "intranet.example.org", "10.1.2.3",
            "metadata.example.org", "169.254.169.254",
            "localhost", "127.0.0.1");

    private static String refusal(String url) {
        return UrlGuard.refusal(url, false, host -> {
                    String address = NAMES.get(host);
                    if (address == null) {
                        // IP literals are read without a lookup
                        if (host.matches("[0-9.]+") || host.contains(":")) {
                            return new InetAddress[] {InetAddress.getByName(host)};
                        }
                        throw new UnknownHostException(host);
                    }
                    return new InetAddress[] {InetAddress.getByName(address)};
                })
                .orElse("ok");
    }

    @Test
    void onlyHttpsToPublicAddressesIsTaken() {
        assertThat(refusal("https://hooks.example.org/lodestar")).isEqualTo("ok");
        assertThat(refusal("https://93.184.216.34/x")).isEqualTo("ok");
        assertThat(refusal("http://hooks.example.org/lodestar")).isEqualTo("webhook.error.https");
        assertThat(refusal("ftp://hooks.example.org/")).isEqualTo("webhook.error.https");
        assertThat(refusal("https://user:pw@hooks.example.org/")).isEqualTo("webhook.error.urlInvalid");
        assertThat(refusal("hooks.example.org/x")).isEqualTo("webhook.error.urlInvalid");
        assertThat(refusal(" ")).isEqualTo("webhook.error.urlRequired");
        assertThat(refusal("https://nowhere.example.org/")).isEqualTo("webhook.error.unknownHost");
        for (String inside : new String[] {
            "https://localhost/",
            "https://127.0.0.1:8080/",
            "https://intranet.example.org/",
            "https://metadata.example.org/latest",
            "https://192.168.1.20/",
            "https://172.16.0.5/",
            "https://100.64.0.1/",
            "https://0.0.0.0/",
            "https://[::1]/",
            "https://[fd00::1]/",
            "https://[fe80::1]/",
            "https://[::ffff:10.0.0.1]/"
        }) {
            assertThat(refusal(inside)).as(inside).isEqualTo("webhook.error.privateHost");
        }
    }

    @Test
    void anInstallationThatAllowsPrivateHostsTakesHttpToThem() {
        assertThat(UrlGuard.refusal("http://127.0.0.1:9000/hook", true)).isEmpty();
        assertThat(UrlGuard.refusal("gopher://127.0.0.1/", true)).contains("webhook.error.https");
    }
}
