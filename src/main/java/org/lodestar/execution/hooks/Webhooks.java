package org.lodestar.execution.hooks;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.Ids;
import org.lodestar.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The district's webhooks, for its admins: registered with a URL (see {@link UrlGuard}), a secret (entered, or made
 * here and shown once) and the events chosen; switched off and on, deleted, sent a test ping; each webhook's latest
 * deliveries with every attempt. {@link #enqueue} writes a delivery to every webhook that takes an event, in the
 * transaction of the change that caused it; {@link WebhookSender} sends them.
 */
@Service
@Transactional
public class Webhooks {

    /** At most this many webhooks a district. */
    static final int MAX_WEBHOOKS = 20;

    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 200;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookStore store;
    private final WebhookSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Webhooks(WebhookStore store, WebhookSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** A webhook just registered, with its secret: the only time it is shown. */
    public record Registered(UUID id, String secret) {}

    /**
     * Registers a webhook; {@code secret} blank: one is made (32 random bytes, hex). Refused with every reason, nothing
     * saved, when the URL may not be used, the secret is too short or long, or no event is chosen.
     */
    public Registered register(SignedInUser admin, String url, String secret, List<String> eventNames) {
        ForbiddenException.unless(admin.isAdmin());
        List<WebhookRefused.Problem> problems = new ArrayList<>();
        String cleanUrl = url == null ? null : url.strip();
        UrlGuard.refusal(cleanUrl, settings.allowPrivateHosts())
                .ifPresent(key -> problems.add(new WebhookRefused.Problem("url", key, List.of())));
        String given = secret == null || secret.isBlank() ? null : secret.strip();
        if (given != null && (given.length() < MIN_SECRET || given.length() > MAX_SECRET)) {
            problems.add(new WebhookRefused.Problem("secret", "webhook.error.secret", List.of(MIN_SECRET, MAX_SECRET)));
        }
        List<WebhookEvent> chosen = new ArrayList<>();
        for (String name : eventNames == null ? List.<String>of() : eventNames) {
            try {
                WebhookEvent event = WebhookEvent.valueOf(name);
                if (!chosen.contains(event)) {
                    chosen.add(event);
                }
            } catch (IllegalArgumentException | NullPointerException unknown) {
                // a value no form offers: left out, and refused below if nothing else was chosen
            }
        }
        if (chosen.isEmpty()) {
            problems.add(new WebhookRefused.Problem("events", "webhook.error.events", List.of()));
        }
        if (store.all(admin.districtId()).size() >= MAX_WEBHOOKS) {
            problems.add(new WebhookRefused.Problem("url", "webhook.error.tooMany", List.of(MAX_WEBHOOKS)));
        }
        if (!problems.isEmpty()) {
            throw new WebhookRefused(problems);
        }
        String kept = given == null ? HexFormat.of().formatHex(randomBytes(32)) : given;
        UUID id = Ids.next();
        store.insert(admin.districtId(), id, cleanUrl, kept, chosen, clock.instant(), admin.email());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("webhook.field.url", AuditValue.text(cleanUrl));
        fields.put(
                "webhook.field.events",
                AuditValue.text(String.join(
                        ", ", chosen.stream().map(WebhookEvent::code).toList())));
        events.publishEvent(
                AuditableChange.created(admin.districtId(), admin.email(), "Webhook", id, cleanUrl, fields));
        return new Registered(id, kept);
    }

    @Transactional(readOnly = true)
    public List<Webhook> all(SignedInUser admin) {
        ForbiddenException.unless(admin.isAdmin());
        return store.all(admin.districtId());
    }

    @Transactional(readOnly = true)
    public Webhook webhook(SignedInUser admin, UUID id) {
        ForbiddenException.unless(admin.isAdmin());
        return store.find(admin.districtId(), id).orElseThrow(() -> new NotFoundException("webhook"));
    }

    /** A webhook's latest deliveries, newest first, each with its attempts. */
    @Transactional(readOnly = true)
    public List<WebhookDelivery> deliveries(SignedInUser admin, UUID id, int limit) {
        webhook(admin, id);
        return store.deliveries(admin.districtId(), id, limit);
    }

    /** Switches the webhook on or off: off, it is written no deliveries and its pending ones wait. */
    public void setEnabled(SignedInUser admin, UUID id, boolean enabled) {
        Webhook webhook = webhook(admin, id);
        store.setEnabled(admin.districtId(), id, enabled);
        events.publishEvent(AuditableChange.updated(
                admin.districtId(),
                admin.email(),
                "Webhook",
                id,
                webhook.url(),
                Map.of("webhook.field.enabled", AuditValue.choice("webhook.enabled." + webhook.enabled())),
                Map.of("webhook.field.enabled", AuditValue.choice("webhook.enabled." + enabled))));
    }

    /** Deletes the webhook with its deliveries and their attempts. */
    public void delete(SignedInUser admin, UUID id) {
        Webhook webhook = webhook(admin, id);
        store.delete(admin.districtId(), id);
        events.publishEvent(AuditableChange.deleted(
                admin.districtId(),
                admin.email(),
                "Webhook",
                id,
                webhook.url(),
                Map.of("webhook.field.url", AuditValue.text(webhook.url()))));
    }

    /** Writes a test ping to the webhook (on or off), sent with the next deliveries; returns the delivery's id. */
    public UUID ping(SignedInUser admin, UUID id) {
        webhook(admin, id);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("webhookId", id.toString());
        data.put("sentBy", admin.email());
        return write(admin.districtId(), id, WebhookEvent.PING, data);
    }

    /**
     * Writes a delivery of the event to every webhook of the district that is on and takes it, in the caller's
     * transaction; returns how many were written.
     */
    public int enqueue(UUID districtId, WebhookEvent event, Map<String, Object> data) {
        List<UUID> listening = store.listening(districtId, event);
        for (UUID webhookId : listening) {
            write(districtId, webhookId, event.code(), data);
        }
        return listening.size();
    }

    /** Whether any webhook of the district that is on takes the event (so its data need not be gathered otherwise). */
    @Transactional(readOnly = true)
    public boolean anyListening(UUID districtId, WebhookEvent event) {
        return !store.listening(districtId, event).isEmpty();
    }

    private UUID write(UUID districtId, UUID webhookId, String event, Map<String, Object> data) {
        UUID id = Ids.next();
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.toString());
        body.put("event", event);
        body.put("occurredAt", now.toString());
        body.put("districtId", districtId.toString());
        body.put("data", data);
        store.insertDelivery(districtId, id, webhookId, event, JSON.writeValueAsString(body), now);
        return id;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
