package org.lodestar.execution.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lodestar.execution.Project;
import org.lodestar.execution.domain.ProjectStore;
import org.lodestar.measures.KpiReading;
import org.lodestar.measures.MeasuresApi;
import org.lodestar.planning.Goal;
import org.lodestar.planning.Outcome;
import org.lodestar.planning.PlanNodes;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.Strategy;
import org.springframework.stereotype.Component;

/**
 * How an improvement plan stands now, read from live data: each goal with the KPIs that show its progress and each
 * action with the projects that carry it out. A goal or action taken from the strategic plan brings that plan's KPIs
 * (under the strategic goal's outcomes) and projects (under the strategic strategy) with its own, since that is where a
 * district keeps them.
 */
@Component
class PlanStanding {

    /** A goal, its KPIs (all students, at the plan's school or the district) and its actions. */
    record GoalStanding(Goal goal, List<KpiReading> kpis, List<ActionStanding> actions) {}

    record ActionStanding(Strategy action, List<Project> projects) {}

    private final PlanningApi planning;
    private final MeasuresApi measures;
    private final ProjectStore projects;

    PlanStanding(PlanningApi planning, MeasuresApi measures, ProjectStore projects) {
        this.planning = planning;
        this.measures = measures;
        this.projects = projects;
    }

    /** The plan's goals as they stand, their KPIs at the plan's school (the district's values for a district plan). */
    List<GoalStanding> of(UUID districtId, UUID planId) {
        UUID schoolId = planning.plan(districtId, planId).schoolId();
        PlanNodes nodes = planning.nodesOfPlan(districtId, planId);
        List<UUID> ids = new ArrayList<>();
        nodes.goals().forEach(goal -> ids.add(goal.id()));
        nodes.strategies().forEach(action -> ids.add(action.id()));
        Map<UUID, UUID> taken = planning.takenFromStrategicPlan(districtId, ids);

        // each goal's outcomes: its own and those of the strategic goal it was taken from
        Map<UUID, Set<UUID>> outcomesOfGoal = new LinkedHashMap<>();
        Map<UUID, UUID> improvementGoalOf = new LinkedHashMap<>();
        for (Goal goal : nodes.goals()) {
            outcomesOfGoal.put(goal.id(), new HashSet<>());
            UUID strategic = taken.get(goal.id());
            if (strategic != null) {
                improvementGoalOf.put(strategic, goal.id());
            }
        }
        nodes.outcomes().forEach(outcome -> outcomesOfGoal.get(outcome.goalId()).add(outcome.id()));
        Set<UUID> strategicPlans = improvementGoalOf.keySet().stream()
                .map(id -> planning.goal(districtId, id).map(Goal::planId).orElse(null))
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        for (PlanNodes strategic :
                planning.nodesOfPlans(districtId, strategicPlans).values()) {
            for (Outcome outcome : strategic.outcomes()) {
                UUID goal = improvementGoalOf.get(outcome.goalId());
                if (goal != null) {
                    outcomesOfGoal.get(goal).add(outcome.id());
                }
            }
        }
        Set<UUID> allOutcomes =
                outcomesOfGoal.values().stream().flatMap(Collection::stream).collect(Collectors.toSet());
        Map<UUID, List<KpiReading>> kpisOfOutcome =
                measures.readingsOfOutcomes(districtId, allOutcomes, schoolId).stream()
                        .collect(Collectors.groupingBy(KpiReading::outcomeId, LinkedHashMap::new, Collectors.toList()));

        // each action's projects: its own and those of the strategic strategy it was taken from
        Set<UUID> strategyIds = new HashSet<>();
        nodes.strategies().forEach(action -> {
            strategyIds.add(action.id());
            if (taken.containsKey(action.id())) {
                strategyIds.add(taken.get(action.id()));
            }
        });
        Map<UUID, List<Project>> projectsOf = projects.ofStrategies(districtId, strategyIds).stream()
                .collect(Collectors.groupingBy(Project::strategyId));

        List<GoalStanding> goals = new ArrayList<>();
        for (Goal goal : nodes.goals()) {
            List<KpiReading> kpis = outcomesOfGoal.get(goal.id()).stream()
                    .flatMap(outcome -> kpisOfOutcome.getOrDefault(outcome, List.of()).stream())
                    .sorted(java.util.Comparator.comparing(KpiReading::name))
                    .toList();
            List<ActionStanding> actions = nodes.strategies().stream()
                    .filter(action -> action.goalId().equals(goal.id()))
                    .map(action -> {
                        List<Project> projects = new ArrayList<>(projectsOf.getOrDefault(action.id(), List.of()));
                        UUID from = taken.get(action.id());
                        if (from != null) {
                            projects.addAll(projectsOf.getOrDefault(from, List.of()));
                        }
                        return new ActionStanding(action, projects);
                    })
                    .toList();
            goals.add(new GoalStanding(goal, kpis, actions));
        }
        return goals;
    }

    /**
     * An action's status from its projects: blocked if any is, else off track or at risk if any is, done when all are,
     * not started when none has begun, on track otherwise; without projects, no data.
     */
    static ReviewStatus actionStatus(List<Project> projects) {
        Set<String> statuses = projects.stream().map(p -> p.status().name()).collect(Collectors.toSet());
        if (statuses.isEmpty()) {
            return ReviewStatus.NO_DATA;
        }
        for (ReviewStatus worst : List.of(ReviewStatus.BLOCKED, ReviewStatus.OFF_TRACK, ReviewStatus.AT_RISK)) {
            if (statuses.contains(worst.name())) {
                return worst;
            }
        }
        if (statuses.equals(Set.of("DONE"))) {
            return ReviewStatus.DONE;
        }
        if (statuses.equals(Set.of("NOT_STARTED"))) {
            return ReviewStatus.NOT_STARTED;
        }
        return ReviewStatus.ON_TRACK;
    }

    /** A goal's status: the worst of its KPIs that have data, or no data. */
    static ReviewStatus goalStatus(List<KpiReading> kpis) {
        Set<String> statuses = kpis.stream().map(KpiReading::status).collect(Collectors.toSet());
        for (ReviewStatus worst : List.of(ReviewStatus.OFF_TRACK, ReviewStatus.AT_RISK, ReviewStatus.ON_TRACK)) {
            if (statuses.contains(worst.name())) {
                return worst;
            }
        }
        return ReviewStatus.NO_DATA;
    }
}
