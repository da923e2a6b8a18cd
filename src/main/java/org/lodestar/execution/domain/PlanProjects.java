package org.lodestar.execution.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.execution.rules.RollUp;
import org.lodestar.planning.PlannedProject;
import org.lodestar.planning.ProjectSource;
import org.lodestar.shared.Progress;
import org.springframework.stereotype.Component;

/**
 * The projects planning shows under the strategies of a plan's tree, each with its progress rolled up from its tasks
 * (planning rolls them on into actions and goals). It reads execution's stores only: planning asks it for projects.
 */
@Component
class PlanProjects implements ProjectSource {

    private final ProjectStore store;
    private final WorkStore work;

    PlanProjects(ProjectStore store, WorkStore work) {
        this.store = store;
        this.work = work;
    }

    @Override
    public List<PlannedProject> projects(UUID districtId, Collection<UUID> strategyIds) {
        if (strategyIds.isEmpty()) {
            return List.of();
        }
        Map<UUID, Progress> progress = RollUp.projects(WorkViews.work(work.rollUpRows(districtId, strategyIds)));
        return store.ofStrategies(districtId, strategyIds).stream()
                .map(project -> project.planned(progress.getOrDefault(project.id(), project.ownProgress())))
                .toList();
    }
}
