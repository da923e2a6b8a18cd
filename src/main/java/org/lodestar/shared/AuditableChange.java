package org.lodestar.shared;

import java.util.Map;
import java.util.UUID;

/**
 * A change to something the district must be able to account for, published by the module that made it and recorded
 * by the audit log in the same transaction, so that no change goes unrecorded.
 *
 * @param before the item's fields before the change (empty when created)
 * @param after the item's fields after the change (empty when deleted)
 */
public record AuditableChange(
        UUID districtId,
        String actor,
        String entityType,
        UUID entityId,
        String action,
        String summary,
        Map<String, Object> before,
        Map<String, Object> after) {

    public static AuditableChange created(
            UUID districtId, String actor, String type, UUID id, String summary, Map<String, Object> after) {
        return new AuditableChange(districtId, actor, type, id, "CREATED", summary, Map.of(), after);
    }

    public static AuditableChange updated(
            UUID districtId,
            String actor,
            String type,
            UUID id,
            String summary,
            Map<String, Object> before,
            Map<String, Object> after) {
        return new AuditableChange(districtId, actor, type, id, "UPDATED", summary, before, after);
    }

    public static AuditableChange deleted(
            UUID districtId, String actor, String type, UUID id, String summary, Map<String, Object> before) {
        return new AuditableChange(districtId, actor, type, id, "DELETED", summary, before, Map.of());
    }
}
