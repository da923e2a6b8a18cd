package org.lodestar.execution.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.execution.Project;
import org.lodestar.planning.Goal;
import org.lodestar.planning.GoalRemoved;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.StrategyRemoved;
import org.lodestar.shared.AuditValue;
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
    private final PlanningApi planning;
    private final ApplicationEventPublisher events;

    RemovedStrategies(ProjectStore store, PlanningApi planning, ApplicationEventPublisher events) {
        this.store = store;
        this.planning = planning;
        this.events = events;
    }

    @ApplicationModuleListener
    void on(GoalRemoved event) {
        // the goal is removed, so its plan is no longer found through it: the event names it
        archive(
                event.districtId(),
                event.strategyIds(),
                event.actor(),
                AuditValue.list(AuditValue.choice("history.value.goal"), AuditValue.text(event.title())),
                event.planId());
    }

    @ApplicationModuleListener
    void on(StrategyRemoved event) {
        archive(
                event.districtId(),
                List.of(event.strategyId()),
                event.actor(),
                AuditValue.list(AuditValue.choice("history.value.strategy"), AuditValue.text(event.title())),
                planning.goal(event.districtId(), event.goalId())
                        .map(Goal::planId)
                        .orElse(null));
    }

    private void archive(UUID districtId, Collection<UUID> strategyIds, String actor, AuditValue removed, UUID planId) {
        // a redelivered event finds the projects archived already and records nothing twice
        for (Project project : store.archiveAllOf(districtId, strategyIds, actor)) {
            events.publishEvent(AuditableChange.updated(
                            districtId,
                            actor,
                            "Project",
                            project.id(),
                            project.title(),
                            Map.of("history.field.archived", AuditValue.yesNo(false)),
                            Map.of(
                                    "history.field.archived",
                                    AuditValue.yesNo(true),
                                    "history.field.removedWith",
                                    removed))
                    .within(planId));
        }
    }
}
