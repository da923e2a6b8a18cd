package org.lodestar.planning;

import java.util.List;

/** A whole plan at a glance: goals with their outcomes (and KPIs) and strategies (and projects). */
public record PlanTree(PlanSummary plan, List<GoalBranch> goals) {

    public record GoalBranch(Goal goal, String status, List<OutcomeBranch> outcomes, List<StrategyBranch> strategies) {}

    public record OutcomeBranch(Outcome outcome, List<Indicator> indicators) {}

    public record StrategyBranch(Strategy strategy, List<PlannedProject> projects) {}
}
