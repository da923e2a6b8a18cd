package org.lodestar.needs;

import java.util.UUID;

/**
 * A need of an assessment, as other modules see it.
 *
 * @param priority 1 first, or null while not prioritized
 */
public record NeedSummary(UUID id, UUID assessmentId, String title, CnaArea area, Status status, Integer priority) {

    /** Where a need stands: suggested, confirmed by the team, merged into another, or set aside. */
    public enum Status {
        CANDIDATE,
        CONFIRMED,
        MERGED,
        DISMISSED
    }
}
