package org.lodestar.planning;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A project shown under a strategy in a plan's tree, supplied by whichever module runs projects.
 *
 * @param status one of NOT_STARTED, IN_PROGRESS, DONE, BLOCKED
 * @param dueDate null when none is set
 * @param version the project's version, which its edit and delete controls send back
 */
public record PlannedProject(
        UUID id, UUID strategyId, String title, UUID ownerId, String status, LocalDate dueDate, int version) {

    public boolean done() {
        return "DONE".equals(status);
    }

    /** Due before {@code today} and not done: what a reader of the plan should not miss. */
    public boolean overdueOn(LocalDate today) {
        return dueDate != null && dueDate.isBefore(today) && !done();
    }
}
