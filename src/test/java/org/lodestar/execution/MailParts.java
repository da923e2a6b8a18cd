package org.lodestar.execution;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.Map;

/** A received mail's subject, recipient and its two parts, read from the MIME structure Spring Mail wrote. */
record MailParts(String to, String subject, String text, String html) {

    static MailParts of(MimeMessage message) {
        try {
            Map<String, String> parts = new HashMap<>();
            collect(message, parts);
            return new MailParts(
                    message.getAllRecipients()[0].toString(),
                    message.getSubject(),
                    parts.get("text"),
                    parts.get("html"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Part part, Map<String, String> parts) throws Exception {
        if (part.isMimeType("text/plain")) {
            parts.put("text", (String) part.getContent());
        } else if (part.isMimeType("text/html")) {
            parts.put("html", (String) part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, parts);
            }
        }
    }
}
