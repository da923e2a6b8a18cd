package org.lodestar.execution.hooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event sent (or to be sent) to a webhook, with every attempt, the first first.
 *
 * @param status PENDING, DELIVERED or FAILED (given up)
 * @param nextAttemptAt when a pending delivery is tried next
 */
public record WebhookDelivery(
        UUID id,
        UUID webhookId,
        String event,
        String status,
        int attemptCount,
        Instant nextAttemptAt,
        Instant createdAt,
        Instant deliveredAt,
        String body,
        List<Attempt> attempts) {

    /**
     * An attempt: when, the HTTP status code received (null when none came) and the error (null when delivered).
     */
    public record Attempt(Instant attemptedAt, Integer statusCode, String error, int durationMs) {}
}
