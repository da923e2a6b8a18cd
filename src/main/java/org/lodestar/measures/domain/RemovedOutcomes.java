package org.lodestar.measures.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.measures.Kpi;
import org.lodestar.planning.Goal;
import org.lodestar.planning.GoalRemoved;
import org.lodestar.planning.OutcomeRemoved;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Archives the KPIs of outcomes that planning removed, instead of deleting them: a district must still be able to show
 * what it measured for a goal it dropped. Runs after planning's transaction commits, in a transaction of its own
 * ({@link ApplicationModuleListener}); the event publication registry keeps the event until this commits, so a
 * failure here is retried (at the next start) rather than leaving KPIs on the scorecard under a removed goal. Planning
 * can commit first because it never deletes an outcome row: it marks it removed, and the restricting foreign key from
 * {@code kpi} stays satisfied.
 */
@Component
class RemovedOutcomes {

    private final KpiStore store;
    private final PlanningApi planning;
    private final ApplicationEventPublisher events;

    RemovedOutcomes(KpiStore store, PlanningApi planning, ApplicationEventPublisher events) {
        this.store = store;
        this.planning = planning;
        this.events = events;
    }

    @ApplicationModuleListener
    void on(GoalRemoved event) {
        // the goal is removed, so its plan is no longer found through it: the event names it
        archive(
                event.districtId(),
                event.outcomeIds(),
                event.actor(),
                AuditValue.list(AuditValue.choice("history.value.goal"), AuditValue.text(event.title())),
                event.planId());
    }

    @ApplicationModuleListener
    void on(OutcomeRemoved event) {
        archive(
                event.districtId(),
                List.of(event.outcomeId()),
                event.actor(),
                AuditValue.list(AuditValue.choice("history.value.outcome"), AuditValue.text(event.title())),
                planning.goal(event.districtId(), event.goalId())
                        .map(Goal::planId)
                        .orElse(null));
    }

    private void archive(UUID districtId, Collection<UUID> outcomeIds, String actor, AuditValue removed, UUID planId) {
        for (Kpi kpi : store.ofOutcomes(districtId, outcomeIds)) {
            // a redelivered event finds the KPI archived already and records nothing twice
            if (store.archive(districtId, kpi.id(), actor)) {
                events.publishEvent(AuditableChange.updated(
                                districtId,
                                actor,
                                "KPI",
                                kpi.id(),
                                kpi.name(),
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
}
