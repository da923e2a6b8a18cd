package org.lodestar.execution.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.Comment;
import org.lodestar.execution.ExecutionApi;
import org.lodestar.execution.Project;
import org.lodestar.execution.ProjectStatus;
import org.lodestar.execution.Task;
import org.lodestar.execution.domain.ProjectEditing;
import org.lodestar.execution.domain.TaskEditing;
import org.lodestar.execution.domain.WorkViews;
import org.lodestar.planning.Goal;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.Strategy;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.lodestar.shared.Progress;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A project's page: its details, progress rolled up from its tasks, its tasks and milestones with their dependencies,
 * and the comments on it. Everyone of the district reads it; the plan's editors change it; the people involved
 * comment. A refused entry comes back next to its field with the rest as typed; a save over a newer one comes back
 * with both versions (409).
 */
@Controller
class ProjectPageController {

    private final ExecutionApi execution;
    private final ProjectEditing projectEditing;
    private final TaskEditing taskEditing;
    private final WorkViews views;
    private final PlanningApi planning;
    private final DirectoryApi directory;
    private final WorkConflicts conflicts;
    private final Clock clock;

    ProjectPageController(
            ExecutionApi execution,
            ProjectEditing projectEditing,
            TaskEditing taskEditing,
            WorkViews views,
            PlanningApi planning,
            DirectoryApi directory,
            WorkConflicts conflicts,
            Clock clock) {
        this.execution = execution;
        this.projectEditing = projectEditing;
        this.taskEditing = taskEditing;
        this.views = views;
        this.planning = planning;
        this.directory = directory;
        this.conflicts = conflicts;
        this.clock = clock;
    }

    /** A task as the project's page lists it: with the titles of the tasks it waits for. */
    record TaskRow(Task task, List<String> waitsFor, boolean overdue) {}

    /** A comment with its author's name and, when on a task, the task's title. */
    record CommentRow(Comment comment, String author, String taskTitle) {}

    @GetMapping("/projects/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        Project project = project(user, id);
        return page(user, project, null, null, model);
    }

    @PostMapping("/projects/{id}/details")
    String saveDetails(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(required = false) UUID owner,
            @RequestParam(required = false) List<UUID> people,
            @RequestParam(defaultValue = "NOT_STARTED") ProjectStatus status,
            @RequestParam(defaultValue = "") String startDate,
            @RequestParam(defaultValue = "") String dueDate,
            @RequestParam(defaultValue = "0") String percent,
            @RequestParam(defaultValue = "") String description,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        Project saved = project(user, id);
        ForbiddenException.unless(projectEditing.canEdit(user, saved.strategyId()));
        ProjectDetailsForm form = new ProjectDetailsForm(
                id, title, owner, people, status, startDate, dueDate, percent, description, version);
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("detailsProblems", problems);
            return page(user, saved, form, null, model);
        }
        try {
            projectEditing.save(user, form.over(saved), form.people());
        } catch (EditConflictException conflict) {
            Project now = project(user, id);
            model.addAttribute(
                    "detailsConflict",
                    conflicts.between(
                            user.districtId(),
                            form,
                            ProjectDetailsForm.of(now, execution.peopleOf(user.districtId(), id)),
                            locale));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return page(user, now, form.at(now.version()), null, model);
        }
        return "redirect:/projects/" + id + "?saved";
    }

    @PostMapping("/projects/{id}/tasks")
    String addTask(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(required = false) UUID owner,
            @RequestParam(required = false) List<UUID> people,
            @RequestParam(defaultValue = "") String startDate,
            @RequestParam(defaultValue = "") String dueDate,
            @RequestParam(defaultValue = "NOT_STARTED") ProjectStatus status,
            @RequestParam(defaultValue = "0") String percent,
            @RequestParam(defaultValue = "false") boolean milestone,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        Project project = project(user, id);
        ForbiddenException.unless(projectEditing.canEdit(user, project.strategyId()));
        TaskForm form = new TaskForm(null, id, title, owner, people, startDate, dueDate, status, percent, milestone, 0);
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("taskProblems", problems);
            return page(user, project, null, form, model);
        }
        taskEditing.add(user, form.task());
        return "redirect:/projects/" + id + "#tasks";
    }

    @PostMapping("/projects/{id}/comments")
    String comment(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(required = false) UUID task,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        Project project = project(user, id);
        ForbiddenException.unless(taskEditing.mayComment(user, id, task));
        if (body.isBlank() || body.length() > 4000) {
            response.setStatus(422);
            model.addAttribute("commentError", true);
            model.addAttribute("commentBody", body);
            return page(user, project, null, null, model);
        }
        taskEditing.comment(user, id, task, body.strip());
        return task == null ? "redirect:/projects/" + id + "#comments" : "redirect:/tasks/" + task + "#comments";
    }

    private String page(
            SignedInUser user, Project project, ProjectDetailsForm details, TaskForm taskForm, Model model) {
        UUID district = user.districtId();
        Strategy strategy = projectEditing.strategyOf(district, project.strategyId());
        Goal goal = planning.goal(district, strategy.goalId()).orElse(null);
        List<UUID> people = execution.peopleOf(district, project.id());
        List<Task> projectTasks = execution.tasksOf(district, project.id());
        Map<UUID, Task> byId = projectTasks.stream().collect(Collectors.toMap(Task::id, Function.identity()));
        LocalDate today = LocalDate.now(clock);
        Map<UUID, String> names = directory.namesById(district);
        Progress progress = views.projectProgress(district, List.of(strategy.id()))
                .getOrDefault(project.id(), project.ownProgress());
        model.addAttribute("project", project);
        model.addAttribute("strategy", strategy);
        model.addAttribute("goal", goal);
        model.addAttribute("plan", planning.plan(district, strategy.planId()));
        model.addAttribute("progress", progress);
        model.addAttribute("involved", people);
        model.addAttribute(
                "taskRows",
                projectTasks.stream()
                        .map(task -> new TaskRow(
                                task,
                                task.dependsOn().stream()
                                        .map(other -> byId.containsKey(other)
                                                ? byId.get(other).title()
                                                : taskTitle(district, other))
                                        .toList(),
                                task.overdueOn(today)))
                        .toList());
        model.addAttribute(
                "comments",
                execution.comments(district, project.id()).stream()
                        .map(comment -> new CommentRow(
                                comment,
                                names.get(comment.authorId()),
                                comment.taskId() == null || !byId.containsKey(comment.taskId())
                                        ? null
                                        : byId.get(comment.taskId()).title()))
                        .toList());
        model.addAttribute("owners", names);
        model.addAttribute("people", directory.people(district));
        model.addAttribute("canEdit", projectEditing.canEdit(user, project.strategyId()));
        model.addAttribute("canComment", taskEditing.canComment(user, project, people));
        model.addAttribute("details", details == null ? ProjectDetailsForm.of(project, people) : details);
        model.addAttribute("taskForm", taskForm == null ? TaskForm.empty(project.id()) : taskForm);
        model.addAttribute("today", today);
        model.addAttribute(
                "overdue",
                project.dueDate() != null
                        && project.dueDate().isBefore(today)
                        && project.status() != ProjectStatus.DONE);
        return "execution/project";
    }

    private String taskTitle(UUID district, UUID id) {
        return execution.task(district, id).map(Task::title).orElse("");
    }

    private Project project(SignedInUser user, UUID id) {
        return execution.project(user.districtId(), id).orElseThrow(() -> new NotFoundException("project"));
    }
}
