package org.lodestar.execution;

import jakarta.mail.internet.MimeMessage;

/** {@link MailParts} for tests of other packages: recipient, subject, plain text and HTML. */
public final class MailPartsAccess {

    private MailPartsAccess() {}

    public static String[] of(MimeMessage message) {
        MailParts parts = MailParts.of(message);
        return new String[] {parts.to(), parts.subject(), parts.text(), parts.html()};
    }
}
