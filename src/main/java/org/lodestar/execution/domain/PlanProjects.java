package org.lodestar.execution.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.execution.Project;
import org.lodestar.execution.rules.RollUp;
import org.lodestar.planning.PlannedProject;
import org.lodestar.planning.ProjectSource;
import org.lodestar.shared.Progress;
import org.springframework.stereotype.Component;

/**
 * The projects planning shows under the strategies of a plan's tree, each with its progress rolled up from its tasks
 * (planning rolls them on into actions and goals), projects and tasks in one statement. It reads execution's stores
 * only: planning asks it for projects.
 */
@Component
class PlanProjects implements ProjectSource {

    private final ProjectStore store;

    PlanProjects(ProjectStore store) {
        this.store = store;
    }

    @Override
    public List<PlannedProject> projects(UUID districtId, Collection<UUID> strategyIds) {
        if (strategyIds.isEmpty()) {
            return List.of();
        }
        Map<UUID, Project> projects = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (ProjectStore.ProjectTask row : store.ofStrategiesWithTasks(districtId, strategyIds)) {
            Project project = row.project();
            projects.putIfAbsent(project.id(), project);
            rows.add(new Object[] {project.id(), project.strategyId(), project.ownProgress(), row.task()});
        }
        Map<UUID, Progress> progress = RollUp.projects(RollUp.fromRows(rows));
        return projects.values().stream()
                .map(project -> project.planned(progress.get(project.id())))
                .toList();
    }
}
