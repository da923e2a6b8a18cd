package org.lodestar.execution.mail;

/** Why a mail was written: an update request, a reminder, an escalation to the planners, the planners' weekly digest. */
public enum MailKind {
    REQUEST,
    REMINDER,
    ESCALATION,
    DIGEST;

    /** The name of its templates ({@code templates/mail/request.txt}, {@code .html}) and message keys. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
