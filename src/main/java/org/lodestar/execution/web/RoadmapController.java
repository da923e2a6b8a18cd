package org.lodestar.execution.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.ExecutionApi;
import org.lodestar.execution.Project;
import org.lodestar.execution.Task;
import org.lodestar.planning.Goal;
import org.lodestar.planning.PlanNodes;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.Strategy;
import org.lodestar.shared.Bilingual;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A plan's first-12-months roadmap: its projects' milestones and due dates month by month from the start of the plan's
 * first school year, across all its goals, on one page; and its print view (no navigation, a page per quarter).
 * Everyone of the district reads it, as they read the plan. An improvement plan's actions taken from the strategic plan
 * bring that plan's projects, as its reviews do.
 */
@Controller
class RoadmapController {

    private final PlanningApi planning;
    private final ExecutionApi execution;
    private final DirectoryApi directory;
    private final Clock clock;

    RoadmapController(PlanningApi planning, ExecutionApi execution, DirectoryApi directory, Clock clock) {
        this.planning = planning;
        this.execution = execution;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/plans/{id}/roadmap")
    String roadmap(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("roadmap", roadmap(user, id));
        return "execution/roadmap";
    }

    @GetMapping("/plans/{id}/roadmap/print")
    String print(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("roadmap", roadmap(user, id));
        return "execution/roadmap-print";
    }

    private Roadmap roadmap(SignedInUser user, UUID planId) {
        UUID districtId = user.districtId();
        PlanSummary plan = planning.plan(districtId, planId);
        LocalDate start =
                LocalDate.of(plan.firstYear(), directory.district(districtId).schoolYearStartMonth(), 1);
        LocalDate today = LocalDate.now(clock);
        PlanNodes nodes = planning.nodesOfPlan(districtId, planId);
        Map<UUID, Goal> goals = nodes.goals().stream().collect(Collectors.toMap(Goal::id, Function.identity()));
        Map<UUID, Strategy> actions = new HashMap<>();
        nodes.strategies().forEach(strategy -> actions.put(strategy.id(), strategy));
        List<UUID> actionIds = new ArrayList<>(actions.keySet());
        // the strategic plan's strategy an improvement action was taken from carries its projects
        Map<UUID, UUID> actionOfSource = new HashMap<>();
        planning.takenFromStrategicPlan(districtId, actionIds)
                .forEach((action, source) -> actionOfSource.putIfAbsent(source, action));
        List<UUID> strategyIds = new ArrayList<>(actionIds);
        strategyIds.addAll(actionOfSource.keySet());
        Map<UUID, String> names = directory.namesById(districtId);
        List<Roadmap.Row> rows = new ArrayList<>();
        int undated = 0;
        List<Project> projects = execution.projectsOfStrategies(districtId, strategyIds);
        Map<UUID, List<Task>> milestones =
                execution
                        .tasksOfProjects(
                                districtId, projects.stream().map(Project::id).toList())
                        .stream()
                        .filter(Task::milestone)
                        .collect(Collectors.groupingBy(Task::projectId));
        for (Project project : projects) {
            Strategy action = actions.get(project.strategyId());
            if (action == null) {
                action = actions.get(actionOfSource.get(project.strategyId()));
            }
            if (action == null) {
                continue;
            }
            Goal goal = goals.get(action.goalId());
            Bilingual goalTitle = goal == null ? new Bilingual("—", null) : goal.titles();
            if (project.dueDate() == null) {
                undated++;
            } else {
                rows.add(new Roadmap.Row(
                        project.dueDate(),
                        Roadmap.Kind.PROJECT_DUE,
                        project.title(),
                        project.title(),
                        project.id(),
                        goalTitle,
                        action.titles(),
                        project.ownerId() == null ? null : names.get(project.ownerId()),
                        project.status().name(),
                        project.dueDate().isBefore(today)
                                && project.status() != org.lodestar.execution.ProjectStatus.DONE));
            }
            for (Task task : milestones.getOrDefault(project.id(), List.of())) {
                LocalDate date = task.dueDate() != null ? task.dueDate() : task.startDate();
                if (date == null) {
                    undated++;
                    continue;
                }
                rows.add(new Roadmap.Row(
                        date,
                        Roadmap.Kind.MILESTONE,
                        task.title(),
                        project.title(),
                        project.id(),
                        goalTitle,
                        action.titles(),
                        task.ownerId() == null ? null : names.get(task.ownerId()),
                        task.status().name(),
                        task.overdueOn(today)));
            }
        }
        return Roadmap.of(plan, start, rows, undated);
    }
}
