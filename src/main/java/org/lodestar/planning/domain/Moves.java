package org.lodestar.planning.domain;

import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;

/** The audit entry of an item moved up or down among its siblings, the same for every tier. */
final class Moves {

    private Moves() {}

    static AuditableChange audit(SignedInUser user, String type, UUID id, String title, int position, boolean up) {
        return AuditableChange.updated(
                user.districtId(),
                user.email(),
                type,
                id,
                title,
                Map.of("history.field.position", AuditValue.number(position)),
                Map.of("history.field.moved", AuditValue.choice(up ? "history.value.up" : "history.value.down")));
    }
}
