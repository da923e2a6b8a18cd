package org.lodestar.execution.hooks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lodestar.webhooks.*}: whether webhooks may point at http URLs and at loopback, private or link-local
 * addresses (false: only https to public addresses, so a webhook cannot reach into the server's own network), and how
 * many times a delivery is tried before it is given up. The sender's schedule is {@code lodestar.webhooks.send-cron}.
 */
@ConfigurationProperties("lodestar.webhooks")
public record WebhookSettings(
        @DefaultValue("false") boolean allowPrivateHosts,
        @DefaultValue("8") int maxAttempts) {}
