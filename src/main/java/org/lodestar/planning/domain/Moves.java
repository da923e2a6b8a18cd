package org.lodestar.planning.domain;

import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
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
                title + (up ? " moved up" : " moved down"),
                Map.of("position", position),
                Map.of("moved", up ? "up" : "down"));
    }
}
