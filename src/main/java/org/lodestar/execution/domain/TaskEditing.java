package org.lodestar.execution.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.DependencyRefused;
import org.lodestar.execution.Project;
import org.lodestar.execution.ProjectStatus;
import org.lodestar.execution.Task;
import org.lodestar.execution.rules.DependencyCycles;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.Strategy;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.Ids;
import org.lodestar.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to tasks, their dependencies and the comments on projects and tasks. Whoever may change the project's plan
 * may change its tasks; a task's owner may besides report its status and percent complete (and move its card on the
 * board, which is the same). Every change is audited within the plan; a save over a newer one is refused.
 */
@Service
@Transactional
public class TaskEditing {

    private final TaskStore tasks;
    private final ProjectStore projects;
    private final CommentStore comments;
    private final ProjectEditing projectEditing;
    private final PlanningApi planning;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TaskEditing(
            TaskStore tasks,
            ProjectStore projects,
            CommentStore comments,
            ProjectEditing projectEditing,
            PlanningApi planning,
            ApplicationEventPublisher events,
            Clock clock) {
        this.tasks = tasks;
        this.projects = projects;
        this.comments = comments;
        this.projectEditing = projectEditing;
        this.planning = planning;
        this.events = events;
        this.clock = clock;
    }

    /** What a person may do with a task: everything (the plan's editors), report on it (its owner), or nothing. */
    public enum Right {
        EDIT,
        REPORT,
        NONE
    }

    public Right rightOn(SignedInUser user, Task task) {
        Project project = project(user.districtId(), task.projectId());
        if (projectEditing.canEdit(user, project.strategyId())) {
            return Right.EDIT;
        }
        return user.userId().equals(task.ownerId()) ? Right.REPORT : Right.NONE;
    }

    public boolean canEditProject(SignedInUser user, UUID projectId) {
        return projectEditing.canEdit(
                user, project(user.districtId(), projectId).strategyId());
    }

    /** Whether the person may comment on a project: its plan's editors, its owner and the people involved in it. */
    public boolean canComment(SignedInUser user, Project project, List<UUID> people) {
        return projectEditing.canEdit(user, project.strategyId())
                || user.userId().equals(project.ownerId())
                || people.contains(user.userId());
    }

    /**
     * Whether the person may comment on the project, or on its task {@code taskId} (not null): besides the project's,
     * the task's owner and people involved may. Not found when the task is not the project's.
     */
    public boolean mayComment(SignedInUser user, UUID projectId, UUID taskId) {
        Project project = project(user.districtId(), projectId);
        boolean may = canComment(user, project, projects.people(user.districtId(), projectId));
        if (taskId != null) {
            Task task = task(user.districtId(), taskId);
            if (!task.projectId().equals(projectId)) {
                throw new NotFoundException("task");
            }
            may = may || user.userId().equals(task.ownerId()) || task.people().contains(user.userId());
        }
        return may;
    }

    /** Adds a task (its id and version ignored), last of its project. */
    public UUID add(SignedInUser user, Task entries) {
        Project project = project(user.districtId(), entries.projectId());
        ForbiddenException.unless(projectEditing.canEdit(user, project.strategyId()));
        UUID id = Ids.next();
        Task task = withId(entries, id);
        tasks.insert(user.districtId(), task);
        tasks.setPeople(user.districtId(), id, task.people());
        events.publishEvent(
                AuditableChange.created(user.districtId(), user.email(), "Task", id, task.title(), fields(task))
                        .within(planOf(user, project)));
        return id;
    }

    /**
     * Saves a task over the version it was read at ({@code entries.version()}). Its owner, without the right to edit
     * the plan, changes only its status and percent: the other entries are left as saved.
     */
    public void update(SignedInUser user, Task entries) {
        Task before = task(user.districtId(), entries.id());
        Right right = rightOn(user, before);
        ForbiddenException.unless(right != Right.NONE);
        Task after = right == Right.EDIT
                ? entries
                : new Task(
                        before.id(),
                        before.projectId(),
                        before.title(),
                        before.ownerId(),
                        before.startDate(),
                        before.dueDate(),
                        entries.status(),
                        entries.percentComplete(),
                        before.milestone(),
                        before.boardPosition(),
                        before.people(),
                        before.dependsOn(),
                        entries.version());
        EditConflictException.unlessSaved(tasks.update(user.districtId(), after, entries.version()), "task");
        if (right == Right.EDIT && !Set.copyOf(before.people()).equals(Set.copyOf(after.people()))) {
            tasks.setPeople(user.districtId(), after.id(), after.people());
        }
        audit(user, before, fields(before), fields(after), after.title());
    }

    /**
     * Adds a task waiting for the given tasks, all in one transaction: a dependency refused (another plan's task, one
     * not found) leaves nothing saved.
     */
    public UUID add(SignedInUser user, Task entries, List<UUID> dependsOn) {
        UUID id = add(user, entries);
        dependsOn.forEach(on -> addDependency(user, id, on));
        return id;
    }

    /** Saves a task and adds what it waits for, all or nothing (a dependency closing a circle refuses the save too). */
    public void update(SignedInUser user, Task entries, List<UUID> dependsOn) {
        update(user, entries);
        dependsOn.forEach(on -> addDependency(user, entries.id(), on));
    }

    public void remove(SignedInUser user, UUID id, int version) {
        Task before = task(user.districtId(), id);
        ForbiddenException.unless(rightOn(user, before) == Right.EDIT);
        EditConflictException.unlessSaved(tasks.delete(user.districtId(), id, version), "task");
        events.publishEvent(
                AuditableChange.deleted(user.districtId(), user.email(), "Task", id, before.title(), fields(before))
                        .within(planOf(user, project(user.districtId(), before.projectId()))));
    }

    /**
     * Moves a task's card on the board: into the column of {@code status}, just before the card {@code before} or
     * after {@code after} (neither: at the column's end).
     */
    public void place(SignedInUser user, UUID id, ProjectStatus status, UUID before, UUID after, int version) {
        Task task = task(user.districtId(), id);
        ForbiddenException.unless(rightOn(user, task) != Right.NONE);
        EditConflictException.unlessSaved(tasks.place(user.districtId(), id, status, before, after, version), "task");
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("history.field.status", AuditValue.choice("project.status.", task.status()));
        old.put("history.field.position", AuditValue.number(task.boardPosition()));
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("history.field.status", AuditValue.choice("project.status.", status));
        now.put("history.field.moved", AuditValue.choice("history.value.onBoard"));
        audit(user, task, old, now, task.title());
    }

    /**
     * Makes {@code taskId} wait for {@code dependsOnId} to finish. Refused when both are the same task, when the
     * other task is of another plan, or when it would close a circle (the refusal names the tasks round it).
     */
    public void addDependency(SignedInUser user, UUID taskId, UUID dependsOnId) {
        Task task = task(user.districtId(), taskId);
        ForbiddenException.unless(rightOn(user, task) == Right.EDIT);
        if (taskId.equals(dependsOnId)) {
            throw new DependencyRefused(DependencyRefused.Reason.SELF, List.of(task.title(), task.title()));
        }
        Task on = task(user.districtId(), dependsOnId);
        UUID plan = planOf(user, project(user.districtId(), task.projectId()));
        if (!plan.equals(planOf(user, project(user.districtId(), on.projectId())))) {
            throw new DependencyRefused(DependencyRefused.Reason.OTHER_PLAN, List.of(task.title(), on.title()));
        }
        tasks.lockDependencies(user.districtId());
        Map<UUID, Task> ofPlan = tasksOfPlan(user.districtId(), plan);
        new DependencyCycles(tasks.dependenciesAmong(user.districtId(), ofPlan.keySet()))
                .closedBy(taskId, dependsOnId)
                .ifPresent(chain -> {
                    throw new DependencyRefused(
                            DependencyRefused.Reason.CYCLE,
                            chain.stream().map(id -> ofPlan.get(id).title()).toList());
                });
        if (task.dependsOn().contains(dependsOnId)) {
            return;
        }
        tasks.addDependency(user.districtId(), taskId, dependsOnId);
        auditDependency(user, task, on, true);
    }

    public void removeDependency(SignedInUser user, UUID taskId, UUID dependsOnId) {
        Task task = task(user.districtId(), taskId);
        ForbiddenException.unless(rightOn(user, task) == Right.EDIT);
        Task on = task(user.districtId(), dependsOnId);
        if (tasks.removeDependency(user.districtId(), taskId, dependsOnId) > 0) {
            auditDependency(user, task, on, false);
        }
    }

    /** Comments on a project, or on one of its tasks ({@code taskId} not null); kept as written. */
    public UUID comment(SignedInUser user, UUID projectId, UUID taskId, String body) {
        Project project = project(user.districtId(), projectId);
        ForbiddenException.unless(mayComment(user, projectId, taskId));
        UUID id = Ids.next();
        // the demo's history claims the times it happened at; a person's comment is written now
        Instant now = org.lodestar.shared.RecordedTime.claimed().orElseGet(clock::instant);
        comments.insert(user.districtId(), id, projectId, taskId, user.userId(), now, body);
        events.publishEvent(AuditableChange.created(
                        user.districtId(),
                        user.email(),
                        "Comment",
                        id,
                        project.title(),
                        Map.of("history.field.comment", AuditValue.text(body)))
                .within(planOf(user, project)));
        return id;
    }

    /** The tasks of every project under the plan's strategies, by id. */
    public Map<UUID, Task> tasksOfPlan(UUID districtId, UUID planId) {
        List<UUID> strategies = planning.nodesOfPlan(districtId, planId).strategies().stream()
                .map(Strategy::id)
                .toList();
        List<UUID> projectIds = projects.ofStrategies(districtId, strategies).stream()
                .map(Project::id)
                .toList();
        return tasks.ofProjects(districtId, projectIds).stream()
                .collect(Collectors.toMap(Task::id, t -> t, (a, b) -> a, LinkedHashMap::new));
    }

    private void auditDependency(SignedInUser user, Task task, Task on, boolean added) {
        Map<String, Object> value = Map.of("history.field.dependsOn", AuditValue.text(on.title()));
        audit(user, task, added ? Map.of() : value, added ? value : Map.of(), task.title());
    }

    private void audit(
            SignedInUser user, Task task, Map<String, Object> before, Map<String, Object> after, String summary) {
        events.publishEvent(
                AuditableChange.updated(user.districtId(), user.email(), "Task", task.id(), summary, before, after)
                        .within(planOf(user, project(user.districtId(), task.projectId()))));
    }

    private Task task(UUID districtId, UUID id) {
        return tasks.find(districtId, id).orElseThrow(() -> new NotFoundException("task"));
    }

    private Project project(UUID districtId, UUID id) {
        return projects.find(districtId, id).orElseThrow(() -> new NotFoundException("project"));
    }

    private UUID planOf(SignedInUser user, Project project) {
        return projectEditing
                .strategyOf(user.districtId(), project.strategyId())
                .planId();
    }

    private static Task withId(Task task, UUID id) {
        return new Task(
                id,
                task.projectId(),
                task.title(),
                task.ownerId(),
                task.startDate(),
                task.dueDate(),
                task.status(),
                task.percentComplete(),
                task.milestone(),
                0,
                task.people(),
                List.of(),
                0);
    }

    static Map<String, Object> fields(Task task) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("history.field.title", AuditValue.text(task.title()));
        map.put("history.field.owner", AuditValue.person(task.ownerId()));
        map.put("history.field.people", ProjectEditing.persons(task.people()));
        map.put("history.field.startDate", AuditValue.date(task.startDate()));
        map.put("history.field.dueDate", AuditValue.date(task.dueDate()));
        map.put("history.field.status", AuditValue.choice("project.status.", task.status()));
        map.put("history.field.percentComplete", AuditValue.number(task.percentComplete()));
        map.put("history.field.milestone", AuditValue.yesNo(task.milestone()));
        return map;
    }
}
