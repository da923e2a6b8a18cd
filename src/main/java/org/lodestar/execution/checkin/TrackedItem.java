package org.lodestar.execution.checkin;

import java.util.UUID;
import org.lodestar.shared.Bilingual;

/**
 * An action, project or KPI as check-ins and update requests see it.
 *
 * @param ownerId null when nobody owns it
 * @param planId the plan it belongs to: who may change that plan may check in on it, beside its owner
 * @param schoolId the school of its plan, null for the district's plans
 */
public record TrackedItem(ItemRef ref, Bilingual titles, UUID ownerId, UUID planId, UUID schoolId) {

    public ItemKind kind() {
        return ref.kind();
    }
}
