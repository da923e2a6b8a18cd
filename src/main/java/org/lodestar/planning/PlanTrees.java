package org.lodestar.planning;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A plan's tree from its items and what other modules hang under them: the indicators (KPIs) under outcomes and the
 * projects under strategies, asked of whichever modules supply them, once per tree.
 */
final class PlanTrees {

    private final List<IndicatorSource> indicatorSources;
    private final List<ProjectSource> projectSources;

    PlanTrees(List<IndicatorSource> indicatorSources, List<ProjectSource> projectSources) {
        this.indicatorSources = indicatorSources;
        this.projectSources = projectSources;
    }

    PlanTree tree(UUID districtId, PlanSummary plan, PlanNodes nodes) {
        Map<UUID, List<Indicator>> indicators = indicators(
                districtId, nodes.outcomes().stream().map(Outcome::id).toList());
        Map<UUID, List<PlannedProject>> projects = projects(
                districtId, nodes.strategies().stream().map(Strategy::id).toList());
        List<PlanTree.GoalBranch> goals = nodes.goals().stream()
                .map(goal -> {
                    List<PlanTree.OutcomeBranch> outcomes = of(nodes.outcomes(), Outcome::goalId, goal).stream()
                            .map(o -> new PlanTree.OutcomeBranch(o, indicators.getOrDefault(o.id(), List.of())))
                            .toList();
                    List<PlanTree.StrategyBranch> strategies = of(nodes.strategies(), Strategy::goalId, goal).stream()
                            .map(s -> new PlanTree.StrategyBranch(s, projects.getOrDefault(s.id(), List.of())))
                            .toList();
                    List<String> statuses = outcomes.stream()
                            .flatMap(outcome -> outcome.indicators().stream())
                            .map(Indicator::status)
                            .toList();
                    return new PlanTree.GoalBranch(goal, RollUp.of(statuses), outcomes, strategies);
                })
                .toList();
        return new PlanTree(plan, goals);
    }

    Map<UUID, List<Indicator>> indicators(UUID districtId, List<UUID> outcomeIds) {
        if (outcomeIds.isEmpty()) {
            return Map.of();
        }
        return indicatorSources.stream()
                .flatMap(source -> source.indicators(districtId, outcomeIds).stream())
                .collect(Collectors.groupingBy(Indicator::outcomeId));
    }

    private Map<UUID, List<PlannedProject>> projects(UUID districtId, List<UUID> strategyIds) {
        if (strategyIds.isEmpty()) {
            return Map.of();
        }
        return projectSources.stream()
                .flatMap(source -> source.projects(districtId, strategyIds).stream())
                .collect(Collectors.groupingBy(PlannedProject::strategyId));
    }

    private static <T> List<T> of(List<T> items, Function<T, UUID> goalOf, Goal goal) {
        return items.stream()
                .filter(item -> goal.id().equals(goalOf.apply(item)))
                .toList();
    }
}
