package org.lodestar.execution;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A task or milestone as the list, board, timeline and "my work" show it: with its project, and the goal and school
 * (null: the district's) of the plan it carries out.
 */
public record WorkItem(
        Task task, String projectTitle, UUID strategyId, UUID goalId, String goalTitle, UUID planId, UUID schoolId) {

    public boolean overdueOn(LocalDate today) {
        return task.overdueOn(today);
    }

    public boolean blocked() {
        return task.status() == ProjectStatus.BLOCKED;
    }

    public WorkItem in(UUID goalId, String goalTitle, UUID planId, UUID schoolId) {
        return new WorkItem(task, projectTitle, strategyId, goalId, goalTitle, planId, schoolId);
    }
}
