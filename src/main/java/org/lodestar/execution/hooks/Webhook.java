package org.lodestar.execution.hooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A registered webhook as admins see it (never its secret, which is shown once, when it is made).
 *
 * @param createdBy the e-mail address of the admin who registered it
 */
public record Webhook(
        UUID id, String url, List<WebhookEvent> events, boolean enabled, Instant createdAt, String createdBy) {}
