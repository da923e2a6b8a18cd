package org.lodestar.planning;

import java.time.Instant;
import org.lodestar.planning.compliance.Framework;

/**
 * A compliance framework as a district has it: as shipped, changed by the district, or the district's own.
 *
 * @param changedBy who saved the version in use; null for a shipped framework nobody changed
 */
public record FrameworkEntry(Framework framework, Origin origin, boolean hidden, String changedBy, Instant changedAt) {

    public enum Origin {
        SHIPPED,
        CHANGED,
        DISTRICT
    }

    public String code() {
        return framework.code();
    }

    public int version() {
        return framework.version();
    }
}
