package org.lodestar.execution.hooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a webhook may be sent to a URL (a guard against server-side request forgery): an absolute https URL (http too
 * when private hosts are allowed) with a host, no user name or password in it, and, unless private hosts are allowed,
 * every address its host resolves to public: not loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local
 * (169.254/16, fe80::/10), carrier-grade NAT (100.64/10), unspecified or multicast. Checked when a webhook is
 * registered and again before every delivery, since a name may resolve elsewhere later. Plain, tested without Spring.
 */
final class UrlGuard {

    static final int MAX_LENGTH = 2000;

    /** Resolves a host name to its addresses (the system's resolver, a fixed table in tests). */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private UrlGuard() {}

    /** The message key of why the URL is refused, or empty when it may be used. */
    static Optional<String> refusal(String url, boolean allowPrivate, Resolver resolver) {
        if (url == null || url.isBlank()) {
            return Optional.of("webhook.error.urlRequired");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("webhook.error.urlInvalid");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException bad) {
            return Optional.of("webhook.error.urlInvalid");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.of("webhook.error.urlInvalid");
        }
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            return Optional.of("webhook.error.https");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException unknown) {
            return Optional.of("webhook.error.unknownHost");
        }
        if (addresses.length == 0) {
            return Optional.of("webhook.error.unknownHost");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("webhook.error.privateHost");
            }
        }
        return Optional.empty();
    }

    static Optional<String> refusal(String url, boolean allowPrivate) {
        return refusal(url, allowPrivate, InetAddress::getAllByName);
    }

    /** Whether an address is on the public internet, by the ranges above. */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) {
                return false; // unique local fc00::/7
            }
            if ((b[0] & 0xFF) == 0xFE && (b[1] & 0xC0) == 0x80) {
                return false; // link-local fe80::/10
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException never) {
                    return false;
                }
            }
            return true;
        }
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        if (first == 0 || first == 127) {
            return false;
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return false; // carrier-grade NAT 100.64/10
        }
        return !(first == 192 && second == 0 && (b[2] & 0xFF) == 0); // IETF protocol assignments 192.0.0/24
    }
}
