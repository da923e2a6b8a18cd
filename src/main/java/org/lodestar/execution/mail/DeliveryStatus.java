package org.lodestar.execution.mail;

/** Where a mail's delivery stands: waiting (for SMTP, or its next attempt), sent, or given up. */
public enum DeliveryStatus {
    PENDING,
    SENT,
    FAILED
}
