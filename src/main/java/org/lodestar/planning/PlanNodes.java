package org.lodestar.planning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The goals, outcomes and strategies of one plan, in their order; what other modules need to hang their own rows (a
 * KPI hangs under an outcome, a project under a strategy) under the plan's goals.
 */
public final class PlanNodes {

    private final List<Goal> goals;
    private final List<Outcome> outcomes;
    private final List<Strategy> strategies;
    private final Map<UUID, UUID> goalOfOutcome = new HashMap<>();

    PlanNodes(List<Goal> goals, List<Outcome> outcomes, List<Strategy> strategies) {
        this.goals = List.copyOf(goals);
        this.outcomes = List.copyOf(outcomes);
        this.strategies = List.copyOf(strategies);
        outcomes.forEach(outcome -> goalOfOutcome.put(outcome.id(), outcome.goalId()));
    }

    /** The plan's goals, in their order. */
    public List<Goal> goals() {
        return goals;
    }

    /** The plan's outcomes, each goal's in their order. */
    public List<Outcome> outcomes() {
        return outcomes;
    }

    /** The plan's strategies, each goal's in their order. */
    public List<Strategy> strategies() {
        return strategies;
    }

    /** The ids of the plan's outcomes. */
    public Set<UUID> outcomeIds() {
        return Set.copyOf(goalOfOutcome.keySet());
    }

    /** The goal an outcome hangs under, or null when the outcome is not one of this plan's. */
    public UUID goalOf(UUID outcomeId) {
        return goalOfOutcome.get(outcomeId);
    }
}
