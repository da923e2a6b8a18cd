package org.lodestar.engagement.themes;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing, publishing and withdrawing "you said, we did" entries: planners and admins only. A quote must be one of the
 * theme's representative comments shown now (so never a hidden one), and the goals and actions named must be the
 * district's; each change is audited.
 */
@Service
@Transactional
class YouSaidEdits {

    private final YouSaidStore entries;
    private final ThemeStore themes;
    private final ThemeLinks links;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    YouSaidEdits(
            YouSaidStore entries, ThemeStore themes, ThemeLinks links, ApplicationEventPublisher events, Clock clock) {
        this.entries = entries;
        this.themes = themes;
        this.links = links;
        this.events = events;
        this.clock = clock;
    }

    /** Saves an entry of a theme: new when its id is null, else over the version read; returns its id. */
    UUID save(SignedInUser user, UUID themeId, YouSaidStore.Entry entry) {
        ThemeEdits.mayRead(user);
        ThemeStore.ThemeRow theme =
                themes.theme(user.districtId(), themeId).orElseThrow(() -> new NotFoundException("theme"));
        if (entry.quoteId() != null && !theme.representatives().contains(entry.quoteId())) {
            throw new NotFoundException("comment");
        }
        if (!links.itemsOfDistrict(user.districtId()).keySet().containsAll(entry.itemIds())) {
            throw new NotFoundException("item");
        }
        UUID id = entry.id();
        if (id == null) {
            id = entries.add(user.districtId(), themeId, entry, user.email());
        } else {
            YouSaidStore.Entry was = entries.entry(user.districtId(), id)
                    .filter(e -> e.themeId().equals(themeId))
                    .orElseThrow(() -> new NotFoundException("entry"));
            entries.update(user.districtId(), entry);
            audit(user, id, theme.label(), fields(was), fields(entry));
            return id;
        }
        audit(user, id, theme.label(), Map.of(), fields(entry));
        return id;
    }

    void publish(SignedInUser user, UUID entryId, boolean published, int version) {
        ThemeEdits.mayRead(user);
        YouSaidStore.Entry entry =
                entries.entry(user.districtId(), entryId).orElseThrow(() -> new NotFoundException("entry"));
        entries.publish(user.districtId(), entryId, published, version, clock.instant());
        String label = themes.theme(user.districtId(), entry.themeId())
                .map(ThemeStore.ThemeRow::label)
                .orElse("");
        audit(
                user,
                entryId,
                label,
                Map.of("history.field.published", AuditValue.yesNo(entry.published())),
                Map.of("history.field.published", AuditValue.yesNo(published)));
    }

    private static Map<String, Object> fields(YouSaidStore.Entry entry) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("history.field.youSaidHeard", AuditValue.text(entry.heardEn()));
        fields.put("history.field.youSaidHeardEs", AuditValue.text(entry.heardEs()));
        fields.put("history.field.youSaidDid", AuditValue.text(entry.didEn()));
        fields.put("history.field.youSaidDidEs", AuditValue.text(entry.didEs()));
        fields.put("history.field.youSaidQuote", AuditValue.yesNo(entry.quoteId() != null));
        return fields;
    }

    private void audit(
            SignedInUser user, UUID id, String label, Map<String, Object> before, Map<String, Object> after) {
        events.publishEvent(
                AuditableChange.updated(user.districtId(), user.email(), "YouSaid", id, label, before, after));
    }
}
