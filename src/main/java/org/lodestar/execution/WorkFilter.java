package org.lodestar.execution;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What the list, board and timeline are narrowed to; every part null for all.
 *
 * @param dueFrom due on or after
 * @param dueTo due on or before
 */
public record WorkFilter(
        UUID goal, UUID school, UUID owner, ProjectStatus status, LocalDate dueFrom, LocalDate dueTo, UUID project) {

    public static final WorkFilter ALL = new WorkFilter(null, null, null, null, null, null, null);

    public WorkFilter ownedBy(UUID person) {
        return new WorkFilter(goal, school, person, status, dueFrom, dueTo, project);
    }
}
