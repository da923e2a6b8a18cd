package org.lodestar.execution;

import java.time.LocalDate;
import java.util.UUID;
import org.lodestar.planning.PlannedProject;
import org.lodestar.shared.Progress;

/**
 * Tactical work that carries out a strategy of a plan.
 *
 * @param startDate null when none is set
 * @param dueDate null when none is set
 * @param percentComplete as its owner gave it; what pages show is rolled up from its tasks when it has any
 * @param description null when none
 * @param version raised by every save, so a save made from an older reading is refused (optimistic locking)
 */
public record Project(
        UUID id,
        UUID strategyId,
        String title,
        UUID ownerId,
        int position,
        ProjectStatus status,
        LocalDate startDate,
        LocalDate dueDate,
        int percentComplete,
        String description,
        int version) {

    /** The project's own progress, for a project without tasks. */
    public Progress ownProgress() {
        return Progress.of(percentComplete, status == ProjectStatus.DONE, startDate, dueDate);
    }

    /** The project as a plan's tree shows it under its strategy, with its progress rolled up from its tasks. */
    public PlannedProject planned(Progress progress) {
        return new PlannedProject(id, strategyId, title, ownerId, status.name(), startDate, dueDate, progress, version);
    }

    /** The project with its own progress (for a project known to have no tasks). */
    public PlannedProject planned() {
        return planned(ownProgress());
    }
}
