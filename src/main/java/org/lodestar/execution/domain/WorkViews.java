package org.lodestar.execution.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lodestar.execution.WorkFilter;
import org.lodestar.execution.WorkItem;
import org.lodestar.execution.rules.RollUp;
import org.lodestar.planning.Goal;
import org.lodestar.planning.PlanNodes;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.Strategy;
import org.lodestar.shared.Progress;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The readings behind the work views and the roll-ups: the district's plans' items come from planning once (one
 * statement per tier for all plans), the tasks in one statement, whatever the number of projects and tasks.
 */
@Service
@Transactional(readOnly = true)
public class WorkViews {

    private final WorkStore store;
    private final PlanningApi planning;

    WorkViews(WorkStore store, PlanningApi planning) {
        this.store = store;
        this.planning = planning;
    }

    /** Where each strategy of the district sits: its goal (with its title), its plan and the plan's school. */
    public record Places(Map<UUID, Strategy> strategies, Map<UUID, Goal> goals, Map<UUID, PlanSummary> plans) {

        public List<UUID> strategiesOf(UUID goal, UUID school) {
            return strategies.values().stream()
                    .filter(s -> goal == null || goal.equals(s.goalId()))
                    .filter(s -> school == null
                            || school.equals(plans.get(s.planId()).schoolId()))
                    .map(Strategy::id)
                    .toList();
        }

        WorkItem label(WorkItem item) {
            Strategy strategy = strategies.get(item.strategyId());
            if (strategy == null) {
                return item;
            }
            Goal goal = goals.get(strategy.goalId());
            return item.in(
                    strategy.goalId(),
                    goal == null ? null : goal.title(),
                    strategy.planId(),
                    plans.get(strategy.planId()).schoolId());
        }
    }

    public Places places(UUID districtId) {
        Map<UUID, PlanSummary> plans = new LinkedHashMap<>();
        planning.plans(districtId).forEach(plan -> plans.put(plan.id(), plan));
        Map<UUID, Strategy> strategies = new LinkedHashMap<>();
        Map<UUID, Goal> goals = new LinkedHashMap<>();
        for (PlanNodes nodes : planning.nodesOfPlans(districtId, plans.keySet()).values()) {
            nodes.goals().forEach(goal -> goals.put(goal.id(), goal));
            nodes.strategies().forEach(strategy -> strategies.put(strategy.id(), strategy));
        }
        return new Places(strategies, goals, plans);
    }

    /** The tasks matching the filter, each with its goal and school, in the board's order. */
    public List<WorkItem> items(UUID districtId, WorkFilter filter) {
        Places places = places(districtId);
        return items(districtId, filter, places);
    }

    public List<WorkItem> items(UUID districtId, WorkFilter filter, Places places) {
        Collection<UUID> strategies = filter.goal() == null && filter.school() == null
                ? null
                : places.strategiesOf(filter.goal(), filter.school());
        if (strategies != null && strategies.isEmpty()) {
            return List.of();
        }
        return store.items(districtId, strategies, filter).stream()
                .map(places::label)
                .toList();
    }

    /** Progress by project, by action (strategy) and by goal. */
    public record RollUps(Map<UUID, Progress> projects, Map<UUID, Progress> strategies, Map<UUID, Progress> goals) {

        public Progress project(UUID id) {
            return projects.getOrDefault(id, Progress.NONE);
        }

        public Progress strategy(UUID id) {
            return strategies.getOrDefault(id, Progress.NONE);
        }

        public Progress goal(UUID id) {
            return goals.getOrDefault(id, Progress.NONE);
        }
    }

    /** The roll-up of the given strategies' projects (null: the whole district's), goals included. */
    public RollUps rollUp(UUID districtId, Collection<UUID> strategyIds, Map<UUID, UUID> goalOfStrategy) {
        List<RollUp.ProjectWork> work = work(store.rollUpRows(districtId, strategyIds));
        Map<UUID, Progress> projects = RollUp.projects(work);
        Map<UUID, UUID> strategyOfProject = new HashMap<>();
        work.forEach(project -> strategyOfProject.put(project.projectId(), project.parentId()));
        Map<UUID, Progress> strategies = RollUp.parents(strategyOfProject, projects);
        Map<UUID, Progress> goals = RollUp.parents(goalOfStrategy, strategies);
        return new RollUps(projects, strategies, goals);
    }

    /** The whole district's roll-up: every project, action and goal. */
    public RollUps districtRollUp(UUID districtId) {
        Places places = places(districtId);
        Map<UUID, UUID> goalOf =
                places.strategies().values().stream().collect(Collectors.toMap(Strategy::id, Strategy::goalId));
        return rollUp(districtId, null, goalOf);
    }

    /** The roll-up of the projects under the given strategies, by project (no actions or goals). */
    public Map<UUID, Progress> projectProgress(UUID districtId, Collection<UUID> strategyIds) {
        if (strategyIds.isEmpty()) {
            return Map.of();
        }
        return RollUp.projects(work(store.rollUpRows(districtId, strategyIds)));
    }

    static List<RollUp.ProjectWork> work(List<WorkStore.ProjectRow> projectRows) {
        List<Object[]> rows = new ArrayList<>();
        for (WorkStore.ProjectRow row : projectRows) {
            rows.add(new Object[] {row.projectId(), row.strategyId(), row.own(), row.task()});
        }
        return RollUp.fromRows(rows);
    }
}
