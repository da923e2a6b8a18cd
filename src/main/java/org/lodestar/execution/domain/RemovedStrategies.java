package org.lodestar.execution.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.execution.Project;
import org.lodestar.planning.GoalRemoved;
import org.lodestar.planning.StrategyRemoved;
import org.lodestar.shared.AuditableChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Archives the projects of strategies that planning removed (on their own or with their goal), instead of deleting
 * them: what was done for a dropped strategy stays on record. Runs after planning's transaction commits, in a
 * transaction of its own ({@link ApplicationModuleListener}); the event publication registry keeps the event until
 * this commits, so a failure here is retried rather than lost. Planning can commit first because it never deletes a
 * strategy row, so the restricting foreign key from {@code project} stays satisfied.
 */
@Component
class RemovedStrategies {

    private final ProjectStore store;
    private final ApplicationEventPublisher events;

    RemovedStrategies(ProjectStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    @ApplicationModuleListener
    void on(GoalRemoved event) {
        archive(event.districtId(), event.strategyIds(), event.actor(), "goal " + event.title());
    }

    @ApplicationModuleListener
    void on(StrategyRemoved event) {
        archive(event.districtId(), List.of(event.strategyId()), event.actor(), "strategy " + event.title());
    }

    private void archive(UUID districtId, Collection<UUID> strategyIds, String actor, String removed) {
        // a redelivered event finds the projects archived already and records nothing twice
        for (Project project : store.archiveAllOf(districtId, strategyIds, actor)) {
            events.publishEvent(AuditableChange.updated(
                    districtId,
                    actor,
                    "Project",
                    project.id(),
                    project.title() + " archived: its " + removed + " was removed",
                    Map.of("archived", false),
                    Map.of("archived", true, "removed", removed)));
        }
    }
}
