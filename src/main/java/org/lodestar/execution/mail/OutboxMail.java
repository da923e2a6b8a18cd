package org.lodestar.execution.mail;

import java.time.Instant;
import java.util.UUID;

/**
 * A mail in the outbox, as written: to whom, in which language, both parts, and where its delivery stands.
 *
 * @param status PENDING (waiting for SMTP or its next attempt), SENT or FAILED (given up after its attempts)
 */
public record OutboxMail(
        UUID id,
        UUID recipientId,
        String recipient,
        String language,
        MailKind kind,
        String subject,
        String text,
        String html,
        Instant createdAt,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        Instant sentAt,
        String lastError) {}
