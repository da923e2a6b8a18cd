package org.lodestar.planning;

import java.util.List;
import org.lodestar.shared.Progress;

/** A whole plan at a glance: goals with their outcomes (and KPIs) and strategies (and projects). */
public record PlanTree(PlanSummary plan, List<GoalBranch> goals) {

    public record GoalBranch(Goal goal, String status, List<OutcomeBranch> outcomes, List<StrategyBranch> strategies) {

        /** How many KPIs under the goal's outcomes there are: the progress a reader sees is "on track of these". */
        public long kpiCount() {
            return outcomes.stream().mapToLong(o -> o.indicators().size()).sum();
        }

        /** Execution progress under the goal: its actions' roll-ups, each weighing the sum of its projects' weights. */
        public Progress progress() {
            return Progress.combine(
                    strategies.stream().map(StrategyBranch::progress).toList());
        }

        public long kpisOnTrack() {
            return outcomes.stream()
                    .flatMap(o -> o.indicators().stream())
                    .filter(k -> "ON_TRACK".equals(k.status()))
                    .count();
        }
    }

    public record OutcomeBranch(Outcome outcome, List<Indicator> indicators) {}

    public record StrategyBranch(Strategy strategy, List<PlannedProject> projects) {

        /** The duration-weighted mean of its projects' progress (see {@link Progress} for the rule). */
        public Progress progress() {
            return Progress.combine(
                    projects.stream().map(PlannedProject::progress).toList());
        }

        public long projectsDone() {
            return projects.stream().filter(PlannedProject::done).count();
        }
    }
}
