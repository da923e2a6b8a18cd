package org.lodestar.execution.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where mail says it comes from, and the address of Lodestar that links in mails start with.
 *
 * @param from the sender address ({@code lodestar.mail.from})
 * @param baseUrl the public address people open Lodestar at, without a trailing slash ({@code lodestar.mail.base-url})
 */
@ConfigurationProperties("lodestar.mail")
public record MailSettings(String from, String baseUrl) {

    public MailSettings {
        from = from == null || from.isBlank() ? "lodestar@localhost" : from;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
    }
}
