package org.lodestar.execution;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.lodestar.shared.Progress;

/**
 * A task of a project, or a milestone (a task with one date: start and due the same, or only a due date).
 *
 * @param boardPosition its place in its status's column of the board
 * @param people the people involved besides its owner
 * @param dependsOn the tasks that must finish before this one starts (finish-to-start)
 * @param version raised by every save (optimistic locking)
 */
public record Task(
        UUID id,
        UUID projectId,
        String title,
        UUID ownerId,
        LocalDate startDate,
        LocalDate dueDate,
        ProjectStatus status,
        int percentComplete,
        boolean milestone,
        int boardPosition,
        List<UUID> people,
        List<UUID> dependsOn,
        int version) {

    public boolean done() {
        return status == ProjectStatus.DONE;
    }

    public Progress progress() {
        return Progress.of(percentComplete, done(), startDate, dueDate);
    }

    /** Due before {@code today} and not done. */
    public boolean overdueOn(LocalDate today) {
        return dueDate != null && dueDate.isBefore(today) && !done();
    }
}
