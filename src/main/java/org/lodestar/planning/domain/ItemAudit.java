package org.lodestar.planning.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;

/** The audit entries every tier of a plan's tree writes alike, each within its plan. */
final class ItemAudit {

    private ItemAudit() {}

    /** The fields of an item every tier has: its title (in both languages) and owner. */
    static Map<String, Object> fields(String title, String titleTranslation, UUID ownerId) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("history.field.title", AuditValue.text(title));
        if (titleTranslation != null) {
            map.put("history.field.titleTranslation", AuditValue.text(titleTranslation));
        }
        map.put("history.field.owner", AuditValue.person(ownerId));
        return map;
    }

    static AuditableChange created(
            SignedInUser user, String type, UUID id, String title, String titleTranslation, UUID ownerId, UUID planId) {
        return AuditableChange.created(
                        user.districtId(), user.email(), type, id, title, fields(title, titleTranslation, ownerId))
                .within(planId);
    }

    static AuditableChange moved(
            SignedInUser user, String type, UUID id, String title, int position, boolean up, UUID planId) {
        return AuditableChange.updated(
                        user.districtId(),
                        user.email(),
                        type,
                        id,
                        title,
                        Map.of("history.field.position", AuditValue.number(position)),
                        Map.of(
                                "history.field.moved",
                                AuditValue.choice(up ? "history.value.up" : "history.value.down")))
                .within(planId);
    }
}
