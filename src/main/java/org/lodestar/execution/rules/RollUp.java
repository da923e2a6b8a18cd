package org.lodestar.execution.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.shared.Progress;

/**
 * Rolls work up by {@link Progress}'s rule: a project's progress is the duration-weighted mean of its tasks' (its own
 * percent while it has none) and weighs the project's own planned duration; an action's is the weighted mean of its
 * projects', weighing their summed durations; a goal's, of its actions'.
 */
public final class RollUp {

    /** One project: its own progress, and its tasks' (empty when it has none). */
    public record ProjectWork(UUID projectId, UUID parentId, Progress own, List<Progress> tasks) {

        public Progress progress() {
            return tasks.isEmpty() ? own : Progress.combine(tasks).weighing(own.weightDays());
        }
    }

    /** Each project's progress, by project id. */
    public static Map<UUID, Progress> projects(List<ProjectWork> projects) {
        Map<UUID, Progress> byProject = new LinkedHashMap<>();
        projects.forEach(project -> byProject.put(project.projectId(), project.progress()));
        return byProject;
    }

    /** The progress of each parent (an action, or a goal given its actions' progress), from its children's. */
    public static Map<UUID, Progress> parents(Map<UUID, UUID> parentOfChild, Map<UUID, Progress> children) {
        Map<UUID, List<Progress>> byParent = new HashMap<>();
        children.forEach((child, progress) -> {
            UUID parent = parentOfChild.get(child);
            if (parent != null) {
                byParent.computeIfAbsent(parent, key -> new ArrayList<>()).add(progress);
            }
        });
        Map<UUID, Progress> rolled = new HashMap<>();
        byParent.forEach((parent, parts) -> rolled.put(parent, Progress.combine(parts)));
        return rolled;
    }

    /** Projects' work from rows of (project, parent, own progress, one task's progress or null). */
    public static List<ProjectWork> fromRows(List<Object[]> rows) {
        Map<UUID, ProjectWork> byProject = new LinkedHashMap<>();
        for (Object[] row : rows) {
            UUID project = (UUID) row[0];
            ProjectWork work = byProject.computeIfAbsent(
                    project, id -> new ProjectWork(id, (UUID) row[1], (Progress) row[2], new ArrayList<>()));
            if (row[3] != null) {
                work.tasks().add((Progress) row[3]);
            }
        }
        return new ArrayList<>(byProject.values());
    }

    private RollUp() {}
}
