package org.lodestar.planning.raci;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** One person's letters on one action (at least one). */
public record RaciEntry(UUID personId, Set<RaciRole> roles) {

    public RaciEntry {
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean holds(RaciRole role) {
        return roles.contains(role);
    }

    public boolean responsible() {
        return holds(RaciRole.RESPONSIBLE);
    }

    public boolean accountable() {
        return holds(RaciRole.ACCOUNTABLE);
    }

    public boolean consulted() {
        return holds(RaciRole.CONSULTED);
    }

    public boolean informed() {
        return holds(RaciRole.INFORMED);
    }

    /** The letters in chart order: "RA", "CI". */
    public String letters() {
        StringBuilder letters = new StringBuilder();
        for (RaciRole role : RaciRole.values()) {
            if (holds(role)) {
                letters.append(role.letter());
            }
        }
        return letters.toString();
    }
}
