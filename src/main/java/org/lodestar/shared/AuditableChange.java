package org.lodestar.shared;

import java.util.Map;
import java.util.UUID;

/**
 * A change to something the district must be able to account for, published by the module that made it and recorded
 * by the audit log in the same transaction, so that no change goes unrecorded.
 *
 * <p>The summary names the item (its title or name), the field names are message keys ({@code history.field.title})
 * and the values {@link AuditValue}s, so the history reads in the reader's language; rows of an older shape (plain
 * field names and values) stay readable.
 *
 * @param before the item's fields before the change (empty when created)
 * @param after the item's fields after the change (empty when deleted)
 * @param contextId the plan the item belongs to (null when it belongs to none), so that the plan's history lists the
 *     changes of its goals, outcomes, strategies, projects, KPIs and values too
 */
public record AuditableChange(
        UUID districtId,
        String actor,
        String entityType,
        UUID entityId,
        String action,
        String summary,
        Map<String, Object> before,
        Map<String, Object> after,
        UUID contextId) {

    public static AuditableChange created(
            UUID districtId, String actor, String type, UUID id, String summary, Map<String, Object> after) {
        return new AuditableChange(districtId, actor, type, id, "CREATED", summary, Map.of(), after, null);
    }

    public static AuditableChange updated(
            UUID districtId,
            String actor,
            String type,
            UUID id,
            String summary,
            Map<String, Object> before,
            Map<String, Object> after) {
        return new AuditableChange(districtId, actor, type, id, "UPDATED", summary, before, after, null);
    }

    public static AuditableChange deleted(
            UUID districtId, String actor, String type, UUID id, String summary, Map<String, Object> before) {
        return new AuditableChange(districtId, actor, type, id, "DELETED", summary, before, Map.of(), null);
    }

    /** The same change, belonging to the given plan (null: to none). */
    public AuditableChange within(UUID planId) {
        return new AuditableChange(districtId, actor, entityType, entityId, action, summary, before, after, planId);
    }
}
