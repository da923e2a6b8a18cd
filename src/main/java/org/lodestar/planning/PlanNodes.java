package org.lodestar.planning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The goals, outcomes, strategies and projects of one plan, in their order, read in one statement; what other modules
 * need to hang their own rows (a KPI hangs under an outcome) under the plan's goals.
 */
public final class PlanNodes {

    private final List<Node> nodes;
    private final Map<UUID, UUID> goalOfOutcome = new HashMap<>();

    PlanNodes(List<Node> nodes) {
        this.nodes = List.copyOf(nodes);
        this.nodes.stream()
                .filter(node -> node.tier() == Tier.OUTCOME)
                .forEach(outcome -> goalOfOutcome.put(outcome.id(), outcome.parentId()));
    }

    public List<Node> all() {
        return nodes;
    }

    /** The plan's goals, in their order. */
    public List<Node> goals() {
        return nodes.stream().filter(node -> node.tier() == Tier.GOAL).toList();
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
