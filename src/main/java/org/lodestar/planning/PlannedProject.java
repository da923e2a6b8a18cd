package org.lodestar.planning;

import java.time.LocalDate;
import java.util.UUID;
import org.lodestar.shared.Progress;

/**
 * A project shown under a strategy in a plan's tree, supplied by whichever module runs projects.
 *
 * @param status one of NOT_STARTED, ON_TRACK, AT_RISK, OFF_TRACK, DONE, BLOCKED
 * @param startDate null when none is set
 * @param dueDate null when none is set
 * @param progress rolled up from its tasks (its own percent while it has none), weighing its planned duration
 * @param version the project's version, which its edit and delete controls send back
 */
public record PlannedProject(
        UUID id,
        UUID strategyId,
        String title,
        UUID ownerId,
        String status,
        LocalDate startDate,
        LocalDate dueDate,
        Progress progress,
        int version) {

    public boolean done() {
        return "DONE".equals(status);
    }

    /** Due before {@code today} and not done: what a reader of the plan should not miss. */
    public boolean overdueOn(LocalDate today) {
        return dueDate != null && dueDate.isBefore(today) && !done();
    }
}
