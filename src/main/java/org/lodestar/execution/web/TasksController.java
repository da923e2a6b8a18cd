package org.lodestar.execution.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.DependencyRefused;
import org.lodestar.execution.ExecutionApi;
import org.lodestar.execution.Project;
import org.lodestar.execution.ProjectStatus;
import org.lodestar.execution.Task;
import org.lodestar.execution.domain.ProjectEditing;
import org.lodestar.execution.domain.TaskEditing;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A task's page: its form (every field for the plan's editors, status and percent for its owner, nothing for the
 * others), the tasks it waits for, and the comments on it. A dependency that would go round in a circle is refused with
 * the circle named.
 */
@Controller
class TasksController {

    private final ExecutionApi execution;
    private final TaskEditing editing;
    private final ProjectEditing projectEditing;
    private final DirectoryApi directory;
    private final WorkConflicts conflicts;
    private final Clock clock;

    TasksController(
            ExecutionApi execution,
            TaskEditing editing,
            ProjectEditing projectEditing,
            DirectoryApi directory,
            WorkConflicts conflicts,
            Clock clock) {
        this.execution = execution;
        this.editing = editing;
        this.projectEditing = projectEditing;
        this.directory = directory;
        this.conflicts = conflicts;
        this.clock = clock;
    }

    @GetMapping("/tasks/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        Task task = task(user, id);
        return page(user, task, TaskForm.of(task), model);
    }

    @PostMapping("/tasks/{id}")
    String save(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(required = false) UUID owner,
            @RequestParam(required = false) List<UUID> people,
            @RequestParam(defaultValue = "") String startDate,
            @RequestParam(defaultValue = "") String dueDate,
            @RequestParam(defaultValue = "NOT_STARTED") ProjectStatus status,
            @RequestParam(defaultValue = "0") String percent,
            @RequestParam(defaultValue = "false") boolean milestone,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        Task saved = task(user, id);
        TaskEditing.Right right = editing.rightOn(user, saved);
        ForbiddenException.unless(right != TaskEditing.Right.NONE);
        TaskForm form = right == TaskEditing.Right.EDIT
                ? new TaskForm(
                        id,
                        saved.projectId(),
                        title,
                        owner,
                        people,
                        startDate,
                        dueDate,
                        status,
                        percent,
                        milestone,
                        version)
                // its owner reports status and percent; the rest stays as saved
                : new TaskForm(
                        id,
                        saved.projectId(),
                        saved.title(),
                        saved.ownerId(),
                        saved.people(),
                        TaskForm.of(saved).startDate(),
                        TaskForm.of(saved).dueDate(),
                        status,
                        percent,
                        saved.milestone(),
                        version);
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("taskProblems", problems);
            return page(user, saved, form, model);
        }
        try {
            editing.update(user, form.task());
        } catch (EditConflictException conflict) {
            Task now = task(user, id);
            model.addAttribute("conflict", conflicts.between(user.districtId(), form, TaskForm.of(now), locale));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return page(user, now, form.at(now.version()), model);
        }
        return "redirect:/tasks/" + id + "?saved";
    }

    @PostMapping("/tasks/{id}/delete")
    String delete(
            @PathVariable UUID id,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        Task task = task(user, id);
        try {
            editing.remove(user, id, version);
        } catch (EditConflictException conflict) {
            Task now = task(user, id);
            model.addAttribute("notDeleted", true);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return page(user, now, TaskForm.of(now), model);
        }
        return "redirect:/projects/" + task.projectId() + "#tasks";
    }

    @PostMapping("/tasks/{id}/dependencies")
    String addDependency(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID dependsOn,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        Task task = task(user, id);
        ForbiddenException.unless(editing.rightOn(user, task) == TaskEditing.Right.EDIT);
        if (dependsOn == null) {
            response.setStatus(422);
            model.addAttribute("dependencyRefused", "work.dependencyRequired");
            return page(user, task, TaskForm.of(task), model);
        }
        try {
            editing.addDependency(user, id, dependsOn);
        } catch (DependencyRefused refused) {
            response.setStatus(422);
            model.addAttribute(
                    "dependencyRefused",
                    switch (refused.reason()) {
                        case SELF -> "work.dependencySelf";
                        case CYCLE -> "work.dependencyCycle";
                        case OTHER_PLAN -> "work.dependencyOtherPlan";
                    });
            model.addAttribute("dependencyChain", String.join(" → ", refused.chain()));
            return page(user, task, TaskForm.of(task), model);
        }
        return "redirect:/tasks/" + id + "#dependencies";
    }

    @PostMapping("/tasks/{id}/dependencies/remove")
    String removeDependency(
            @PathVariable UUID id, @RequestParam UUID dependsOn, @AuthenticationPrincipal SignedInUser user) {
        task(user, id);
        editing.removeDependency(user, id, dependsOn);
        return "redirect:/tasks/" + id + "#dependencies";
    }

    private String page(SignedInUser user, Task task, TaskForm form, Model model) {
        UUID district = user.districtId();
        Project project =
                execution.project(district, task.projectId()).orElseThrow(() -> new NotFoundException("task"));
        UUID planId = projectEditing.strategyOf(district, project.strategyId()).planId();
        Map<UUID, Task> ofPlan = editing.tasksOfPlan(district, planId);
        LocalDate today = LocalDate.now(clock);
        TaskEditing.Right right = editing.rightOn(user, task);
        model.addAttribute("task", task);
        model.addAttribute("project", project);
        model.addAttribute("form", form);
        model.addAttribute("right", right.name());
        model.addAttribute("overdue", task.overdueOn(today));
        model.addAttribute(
                "waitsFor",
                task.dependsOn().stream()
                        .map(ofPlan::get)
                        .filter(java.util.Objects::nonNull)
                        .toList());
        model.addAttribute(
                "candidates",
                ofPlan.values().stream()
                        .filter(other -> !other.id().equals(task.id())
                                && !task.dependsOn().contains(other.id()))
                        .sorted(Comparator.comparing(Task::title))
                        .toList());
        model.addAttribute(
                "comments",
                execution.comments(district, project.id()).stream()
                        .filter(comment -> task.id().equals(comment.taskId()))
                        .toList());
        model.addAttribute("canComment", editing.mayComment(user, project.id(), task.id()));
        model.addAttribute("owners", directory.namesById(district));
        model.addAttribute("people", directory.people(district));
        model.addAttribute("today", today);
        return "execution/task";
    }

    private Task task(SignedInUser user, UUID id) {
        return execution.task(user.districtId(), id).orElseThrow(() -> new NotFoundException("task"));
    }
}
