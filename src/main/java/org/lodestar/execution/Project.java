package org.lodestar.execution;

import java.time.LocalDate;
import java.util.UUID;
import org.lodestar.planning.PlannedProject;

/**
 * Tactical work that carries out a strategy of a plan.
 *
 * @param dueDate null when none is set
 * @param version raised by every save, so a save made from an older reading is refused (optimistic locking)
 */
public record Project(
        UUID id,
        UUID strategyId,
        String title,
        UUID ownerId,
        int position,
        ProjectStatus status,
        LocalDate dueDate,
        int version) {

    /** The project as a plan's tree shows it under its strategy. */
    public PlannedProject planned() {
        return new PlannedProject(id, strategyId, title, ownerId, status.name(), dueDate, version);
    }
}
