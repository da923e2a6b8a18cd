package org.lodestar.execution.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.lodestar.execution.Project;
import org.lodestar.planning.PlannedProject;
import org.lodestar.planning.ProjectSource;
import org.springframework.stereotype.Component;

/** The projects planning shows under the strategies of a plan's tree. */
@Component
class PlanProjects implements ProjectSource {

    private final ProjectStore store;

    PlanProjects(ProjectStore store) {
        this.store = store;
    }

    @Override
    public List<PlannedProject> projects(UUID districtId, Collection<UUID> strategyIds) {
        return store.ofStrategies(districtId, strategyIds).stream()
                .map(Project::planned)
                .toList();
    }
}
