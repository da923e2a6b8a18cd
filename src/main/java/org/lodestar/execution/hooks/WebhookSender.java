package org.lodestar.execution.hooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.lodestar.shared.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends the due webhook deliveries: a POST of the JSON body with {@code X-Lodestar-Signature}, {@code X-Lodestar-Event}
 * and {@code X-Lodestar-Delivery}, redirects not followed, 5 seconds to connect and 10 for the answer. A 2xx answer
 * delivers it; anything else is tried again after 1, 2, 4... minutes and given up (FAILED) after
 * {@code lodestar.webhooks.max-attempts} tries. Every attempt is logged. Deliveries are locked while sent, so two nodes
 * never send the same one; a webhook switched off keeps its deliveries waiting.
 */
@Component
public class WebhookSender {

    private static final int BATCH = 20;
    private static final int MAX_ERROR = 500;
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookStore store;
    private final WebhookSettings settings;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(WebhookStore store, WebhookSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(cron = "${lodestar.webhooks.send-cron:*/30 * * * * *}")
    void scheduled() {
        sendDue();
    }

    /** Sends the deliveries that are due; returns how many were delivered. */
    @Transactional
    public int sendDue() {
        int delivered = 0;
        Instant now = clock.instant();
        for (WebhookStore.Due due : store.lockDue(now, BATCH)) {
            Optional<WebhookStore.Target> target = store.target(due.districtId(), due.webhookId());
            if (target.isEmpty() || !target.get().enabled()) {
                continue; // switched off: it waits (a deleted webhook's deliveries are gone with it)
            }
            Integer code = null;
            String error = null;
            long started = System.nanoTime();
            Optional<String> refused = UrlGuard.refusal(target.get().url(), settings.allowPrivateHosts());
            if (refused.isPresent()) {
                error = "refused: " + refused.get();
            } else {
                try {
                    byte[] body = due.body().getBytes(StandardCharsets.UTF_8);
                    HttpRequest request = HttpRequest.newBuilder(
                                    URI.create(target.get().url()))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json; charset=utf-8")
                            .header("User-Agent", "Lodestar-Webhooks/1")
                            .header("X-Lodestar-Event", due.event())
                            .header("X-Lodestar-Delivery", due.id().toString())
                            .header(
                                    "X-Lodestar-Signature",
                                    WebhookSignature.of(target.get().secret(), body))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build();
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    code = response.statusCode();
                    if (code < 200 || code > 299) {
                        error = "HTTP " + code;
                    }
                } catch (IOException | IllegalArgumentException failure) {
                    error = String.valueOf(failure);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    error = "interrupted";
                }
            }
            int ms = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
            Instant at = clock.instant();
            store.attempt(due.districtId(), Ids.next(), due.id(), at, code, shorten(error), ms);
            if (error == null) {
                store.delivered(due.districtId(), due.id(), at);
                delivered++;
            } else {
                int attempt = due.attempts() + 1;
                log.warn("Webhook delivery {} not delivered (attempt {}): {}", due.id(), attempt, error);
                store.failed(due.districtId(), due.id(), now.plus(backOff(attempt)), attempt >= settings.maxAttempts());
            }
        }
        return delivered;
    }

    /** The wait after a failed attempt: 1 minute after the first, doubling each time (at most about 17 hours). */
    static Duration backOff(int attempt) {
        return Duration.ofMinutes(1L << Math.min(Math.max(attempt, 1) - 1, 10));
    }

    private static String shorten(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
