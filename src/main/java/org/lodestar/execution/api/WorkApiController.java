package org.lodestar.execution.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.DependencyRefused;
import org.lodestar.execution.ExecutionApi;
import org.lodestar.execution.Project;
import org.lodestar.execution.ProjectStatus;
import org.lodestar.execution.Task;
import org.lodestar.execution.WorkFilter;
import org.lodestar.execution.WorkItem;
import org.lodestar.execution.domain.ProjectEditing;
import org.lodestar.execution.domain.TaskEditing;
import org.lodestar.execution.domain.WorkViews;
import org.lodestar.execution.rules.WorkDates;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.lodestar.shared.Progress;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Projects and tasks for scripts and the tools a district already uses, with the same rules as the pages: anyone of
 * the district reads; the plan's editors write; a task's owner reports its status and percent. A change names the
 * version it was read at, and is refused (409) when someone saved since. Dates are year-month-day between 1990 and
 * 2100; refused entries are listed by field (400) and nothing is saved.
 */
@RestController
@Tag(name = "Work", description = "Projects, tasks and milestones, with progress rolled up from tasks")
class WorkApiController {

    private final ExecutionApi execution;
    private final ProjectEditing projectEditing;
    private final TaskEditing taskEditing;
    private final WorkViews views;
    private final MessageSource messages;

    WorkApiController(
            ExecutionApi execution,
            ProjectEditing projectEditing,
            TaskEditing taskEditing,
            WorkViews views,
            MessageSource messages) {
        this.execution = execution;
        this.projectEditing = projectEditing;
        this.taskEditing = taskEditing;
        this.views = views;
        this.messages = messages;
    }

    /**
     * A project. {@code progress} is rolled up from its tasks, weighted by planned duration (its own
     * {@code percentComplete} while it has none); {@code version} is what a change sends back.
     */
    record ProjectDto(
            UUID id,
            UUID strategyId,
            String title,
            UUID ownerId,
            String status,
            LocalDate startDate,
            LocalDate dueDate,
            int percentComplete,
            int progress,
            String description,
            int version) {}

    /** A project to add, or (PATCH) the fields to change: those left out or null are kept; {@code version} required. */
    record ProjectChange(
            UUID strategyId,
            String title,
            UUID ownerId,
            String status,
            String startDate,
            String dueDate,
            Integer percentComplete,
            String description,
            Integer version) {}

    /** A task or milestone (a milestone's one date is its {@code dueDate}). */
    record TaskDto(
            UUID id,
            UUID projectId,
            String projectTitle,
            String title,
            UUID ownerId,
            List<UUID> people,
            String status,
            LocalDate startDate,
            LocalDate dueDate,
            int percentComplete,
            boolean milestone,
            List<UUID> dependsOn,
            int version) {

        static TaskDto of(Task task, String projectTitle) {
            return new TaskDto(
                    task.id(),
                    task.projectId(),
                    projectTitle,
                    task.title(),
                    task.ownerId(),
                    task.people(),
                    task.status().name(),
                    task.startDate(),
                    task.dueDate(),
                    task.percentComplete(),
                    task.milestone(),
                    task.dependsOn(),
                    task.version());
        }
    }

    /** A task to add, or (PATCH) the fields to change; {@code dependsOn} adds what the task waits for. */
    record TaskChange(
            UUID projectId,
            String title,
            UUID ownerId,
            List<UUID> people,
            String status,
            String startDate,
            String dueDate,
            Integer percentComplete,
            Boolean milestone,
            List<UUID> dependsOn,
            Integer version) {}

    @GetMapping("/api/v1/projects")
    @Operation(summary = "The district's projects (of one strategy with ?strategy=), each with its rolled-up progress")
    List<ProjectDto> projects(
            @RequestParam(required = false) UUID strategy, @AuthenticationPrincipal SignedInUser user) {
        List<Project> found = strategy == null
                ? execution.projects(user.districtId())
                : execution.projectsOfStrategies(user.districtId(), List.of(strategy));
        Map<UUID, Progress> progress = views.rollUp(
                        user.districtId(), strategy == null ? null : List.of(strategy), Map.of())
                .projects();
        return found.stream().map(p -> dto(p, progress.get(p.id()))).toList();
    }

    @GetMapping("/api/v1/projects/{id}")
    @Operation(summary = "One project with its rolled-up progress")
    ProjectDto project(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        Project project = execution.project(user.districtId(), id).orElseThrow(() -> new NotFoundException("project"));
        return dto(
                project,
                views.projectProgress(user.districtId(), List.of(project.strategyId()))
                        .get(id));
    }

    @PostMapping("/api/v1/projects")
    @Operation(
            summary = "Add a project under a strategy (action)",
            description = "For the strategy's plan's editors; refused entries are listed by field (400).")
    ResponseEntity<?> addProject(@RequestBody ProjectChange body, @AuthenticationPrincipal SignedInUser user) {
        if (body == null || body.strategyId() == null) {
            return problems(List.of(new FieldProblem("strategyId", "is required")));
        }
        ForbiddenException.unless(projectEditing.canEdit(user, body.strategyId()));
        List<FieldProblem> problems = projectProblems(body, "", true);
        if (!problems.isEmpty()) {
            return problems(problems);
        }
        UUID id = projectEditing.add(user, body.strategyId(), body.title().strip(), body.ownerId());
        Project added = execution.project(user.districtId(), id).orElseThrow();
        projectEditing.save(user, merged(added, body), null);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id)).body(project(id, user));
    }

    @PatchMapping("/api/v1/projects/{id}")
    @Operation(
            summary = "Change a project's fields over the version read",
            description = "Fields left out or null are kept; version is required; 409 when someone saved since.")
    ResponseEntity<?> changeProject(
            @PathVariable UUID id, @RequestBody ProjectChange body, @AuthenticationPrincipal SignedInUser user) {
        Project saved = execution.project(user.districtId(), id).orElseThrow(() -> new NotFoundException("project"));
        ForbiddenException.unless(projectEditing.canEdit(user, saved.strategyId()));
        List<FieldProblem> problems = new ArrayList<>();
        if (body == null || body.version() == null) {
            return problems(List.of(new FieldProblem("version", "is required: the version you read")));
        }
        problems.addAll(projectProblems(body, saved.title(), false));
        Project after = merged(saved, body);
        if (after.startDate() != null
                && after.dueDate() != null
                && after.dueDate().isBefore(after.startDate())) {
            problems.add(new FieldProblem("dueDate", english("work.dueBeforeStart")));
        }
        if (!problems.isEmpty()) {
            return problems(problems);
        }
        projectEditing.save(user, after, null);
        return ResponseEntity.ok(project(id, user));
    }

    @GetMapping("/api/v1/tasks")
    @Operation(
            summary = "Tasks and milestones, filtered",
            description = "owner: a person's id or me; status: NOT_STARTED, ON_TRACK, AT_RISK, OFF_TRACK, DONE or"
                    + " BLOCKED; dueBefore and dueAfter: year-month-day, not included; project: a project's id.")
    ResponseEntity<?> tasks(
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String dueBefore,
            @RequestParam(required = false) String dueAfter,
            @RequestParam(required = false) UUID project,
            @AuthenticationPrincipal SignedInUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        UUID ownerId = null;
        if (owner != null && !owner.isBlank()) {
            if ("me".equals(owner)) {
                ownerId = user.userId();
            } else {
                try {
                    ownerId = UUID.fromString(owner);
                } catch (IllegalArgumentException notAnId) {
                    problems.add(new FieldProblem("owner", "must be a person's id or me"));
                }
            }
        }
        ProjectStatus wanted = status == null || status.isBlank() ? null : status(status, problems);
        Optional<LocalDate> before = date(dueBefore, "dueBefore", problems);
        Optional<LocalDate> after = date(dueAfter, "dueAfter", problems);
        if (!problems.isEmpty()) {
            return problems(problems);
        }
        WorkFilter filter = new WorkFilter(
                null,
                null,
                ownerId,
                wanted,
                after.map(d -> d.plusDays(1)).orElse(null),
                before.map(d -> d.minusDays(1)).orElse(null),
                project);
        List<WorkItem> items = views.items(user.districtId(), filter);
        return ResponseEntity.ok(items.stream()
                .map(item -> TaskDto.of(item.task(), item.projectTitle()))
                .toList());
    }

    @GetMapping("/api/v1/tasks/{id}")
    @Operation(summary = "One task or milestone")
    TaskDto task(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        Task task = execution.task(user.districtId(), id).orElseThrow(() -> new NotFoundException("task"));
        return TaskDto.of(
                task,
                execution
                        .project(user.districtId(), task.projectId())
                        .orElseThrow()
                        .title());
    }

    @PostMapping("/api/v1/tasks")
    @Operation(
            summary = "Add a task or milestone to a project",
            description = "For the project's plan's editors. dependsOn lists the tasks it waits for (finish to"
                    + " start): one that would close a circle is refused with the circle named, and nothing is saved.")
    ResponseEntity<?> addTask(@RequestBody TaskChange body, @AuthenticationPrincipal SignedInUser user) {
        if (body == null || body.projectId() == null) {
            return problems(List.of(new FieldProblem("projectId", "is required")));
        }
        Project project = execution
                .project(user.districtId(), body.projectId())
                .orElseThrow(() -> new NotFoundException("project"));
        ForbiddenException.unless(projectEditing.canEdit(user, project.strategyId()));
        Task entries = merged(
                new Task(
                        null,
                        project.id(),
                        "",
                        null,
                        null,
                        null,
                        ProjectStatus.NOT_STARTED,
                        0,
                        false,
                        0,
                        List.of(),
                        List.of(),
                        0),
                body);
        List<FieldProblem> problems = taskProblems(body, entries);
        if (!problems.isEmpty()) {
            return problems(problems);
        }
        UUID id;
        try {
            id = taskEditing.add(user, entries, body.dependsOn() == null ? List.of() : body.dependsOn());
        } catch (DependencyRefused refused) {
            return problems(List.of(new FieldProblem("dependsOn", refusal(refused))));
        }
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + id)).body(task(id, user));
    }

    @PatchMapping("/api/v1/tasks/{id}")
    @Operation(
            summary = "Change a task over the version read",
            description = "Fields left out or null are kept; version is required; 409 when someone saved since. A"
                    + " task's owner without rights on the plan may change its status and percentComplete only.")
    ResponseEntity<?> changeTask(
            @PathVariable UUID id, @RequestBody TaskChange body, @AuthenticationPrincipal SignedInUser user) {
        Task saved = execution.task(user.districtId(), id).orElseThrow(() -> new NotFoundException("task"));
        TaskEditing.Right right = taskEditing.rightOn(user, saved);
        ForbiddenException.unless(right != TaskEditing.Right.NONE);
        if (body == null || body.version() == null) {
            return problems(List.of(new FieldProblem("version", "is required: the version you read")));
        }
        if (right == TaskEditing.Right.REPORT
                && (body.title() != null
                        || body.ownerId() != null
                        || body.people() != null
                        || body.startDate() != null
                        || body.dueDate() != null
                        || body.milestone() != null
                        || body.dependsOn() != null)) {
            throw new ForbiddenException();
        }
        Task after = merged(saved, body);
        List<FieldProblem> problems = taskProblems(body, after);
        if (!problems.isEmpty()) {
            return problems(problems);
        }
        try {
            taskEditing.update(user, after, body.dependsOn() == null ? List.of() : body.dependsOn());
        } catch (DependencyRefused refused) {
            return problems(List.of(new FieldProblem("dependsOn", refusal(refused))));
        }
        return ResponseEntity.ok(task(id, user));
    }

    private List<FieldProblem> projectProblems(ProjectChange body, String savedTitle, boolean adding) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = body.title() == null ? (adding ? "" : savedTitle) : body.title();
        if (title.isBlank() || title.length() > 300) {
            problems.add(new FieldProblem("title", english("plan.titleRequired")));
        }
        if (body.status() != null) {
            status(body.status(), problems);
        }
        String percent =
                body.percentComplete() == null ? "" : body.percentComplete().toString();
        WorkDates.problems(body.startDate(), body.dueDate(), percent, false)
                .forEach((field, key) -> problems.add(
                        new FieldProblem(field.equals("percent") ? "percentComplete" : field, english(key))));
        if (body.description() != null && body.description().length() > 4000) {
            problems.add(new FieldProblem("description", english("work.descriptionTooLong")));
        }
        return problems;
    }

    private List<FieldProblem> taskProblems(TaskChange body, Task after) {
        List<FieldProblem> problems = new ArrayList<>();
        if (after.title() == null || after.title().isBlank() || after.title().length() > 300) {
            problems.add(new FieldProblem("title", english("plan.titleRequired")));
        }
        if (body.status() != null) {
            status(body.status(), problems);
        }
        date(body.startDate(), "startDate", problems);
        date(body.dueDate(), "dueDate", problems);
        Map<String, String> rules = WorkDates.problems(
                after.milestone() ? "" : text(after.startDate()),
                text(after.dueDate()),
                Integer.toString(after.percentComplete()),
                after.milestone());
        rules.forEach((field, key) -> {
            String name = field.equals("percent") ? "percentComplete" : field;
            if (problems.stream().noneMatch(p -> p.field().equals(name))) {
                problems.add(new FieldProblem(name, english(key)));
            }
        });
        if (body.percentComplete() != null && (body.percentComplete() < 0 || body.percentComplete() > 100)) {
            problems.removeIf(p -> p.field().equals("percentComplete"));
            problems.add(new FieldProblem("percentComplete", english("work.percentInvalid")));
        }
        return problems;
    }

    private static Project merged(Project saved, ProjectChange body) {
        return new Project(
                saved.id(),
                saved.strategyId(),
                body.title() == null ? saved.title() : body.title().strip(),
                body.ownerId() == null ? saved.ownerId() : body.ownerId(),
                saved.position(),
                body.status() == null ? saved.status() : ProjectStatus.valueOf(body.status()),
                body.startDate() == null
                        ? saved.startDate()
                        : WorkDates.read(body.startDate()).orElse(null),
                body.dueDate() == null
                        ? saved.dueDate()
                        : WorkDates.read(body.dueDate()).orElse(null),
                body.percentComplete() == null ? saved.percentComplete() : body.percentComplete(),
                body.description() == null ? saved.description() : body.description(),
                body.version() == null ? saved.version() : body.version());
    }

    private static Task merged(Task saved, TaskChange body) {
        boolean milestone = body.milestone() == null ? saved.milestone() : body.milestone();
        LocalDate due = body.dueDate() == null
                ? saved.dueDate()
                : WorkDates.read(body.dueDate()).orElse(null);
        LocalDate start = body.startDate() == null
                ? saved.startDate()
                : WorkDates.read(body.startDate()).orElse(null);
        ProjectStatus status;
        try {
            status = body.status() == null ? saved.status() : ProjectStatus.valueOf(body.status());
        } catch (IllegalArgumentException unknown) {
            status = saved.status();
        }
        return new Task(
                saved.id(),
                saved.projectId(),
                body.title() == null ? saved.title() : body.title().strip(),
                body.ownerId() == null ? saved.ownerId() : body.ownerId(),
                milestone ? due : start,
                due,
                status,
                body.percentComplete() == null
                        ? saved.percentComplete()
                        : Math.max(0, Math.min(100, body.percentComplete())),
                milestone,
                saved.boardPosition(),
                body.people() == null
                        ? saved.people()
                        : body.people().stream().distinct().toList(),
                saved.dependsOn(),
                body.version() == null ? saved.version() : body.version());
    }

    private ProjectDto dto(Project project, Progress progress) {
        Progress rolled = progress == null ? project.ownProgress() : progress;
        return new ProjectDto(
                project.id(),
                project.strategyId(),
                project.title(),
                project.ownerId(),
                project.status().name(),
                project.startDate(),
                project.dueDate(),
                project.percentComplete(),
                rolled.rounded(),
                project.description(),
                project.version());
    }

    private static ProjectStatus status(String text, List<FieldProblem> problems) {
        try {
            return ProjectStatus.valueOf(text);
        } catch (IllegalArgumentException unknown) {
            problems.add(
                    new FieldProblem("status", "must be NOT_STARTED, ON_TRACK, AT_RISK, OFF_TRACK, DONE or BLOCKED"));
            return null;
        }
    }

    private Optional<LocalDate> date(String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<LocalDate> date = WorkDates.read(text);
        if (date.isEmpty()) {
            problems.add(new FieldProblem(field, english("work.dateInvalid")));
        }
        return date;
    }

    private static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private String refusal(DependencyRefused refused) {
        String key = switch (refused.reason()) {
            case SELF -> "work.dependencySelf";
            case CYCLE -> "work.dependencyCycle";
            case OTHER_PLAN -> "work.dependencyOtherPlan";
        };
        return messages.getMessage(key, new Object[] {String.join(" → ", refused.chain())}, Locale.ENGLISH);
    }

    private String english(String key) {
        return messages.getMessage(key, null, Locale.ENGLISH);
    }

    private static ResponseEntity<ProblemDetail> problems(List<FieldProblem> problems) {
        return FieldProblem.refused(HttpStatus.BAD_REQUEST, "Some entries were refused; nothing was saved.", problems);
    }
}
