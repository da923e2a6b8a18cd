package org.lodestar.execution;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.checkin.CheckIns;
import org.lodestar.execution.checkin.ItemRef;
import org.lodestar.execution.domain.CommentStore;
import org.lodestar.execution.domain.ProjectEditing;
import org.lodestar.execution.domain.ProjectStore;
import org.lodestar.execution.domain.TaskEditing;
import org.lodestar.execution.domain.TaskStore;
import org.lodestar.execution.domain.WorkViews;
import org.lodestar.execution.review.QuarterlyReviews;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask of execution: projects under strategies, their tasks, milestones and comments, check-ins,
 * quarterly reviews of improvement plans.
 */
@Service
public class ExecutionApi {

    private final ProjectStore store;
    private final ProjectEditing editing;
    private final TaskStore tasks;
    private final TaskEditing taskEditing;
    private final WorkViews views;
    private final CommentStore comments;
    private final CheckIns checkIns;
    private final QuarterlyReviews reviews;

    ExecutionApi(
            ProjectStore store,
            ProjectEditing editing,
            TaskStore tasks,
            TaskEditing taskEditing,
            WorkViews views,
            CommentStore comments,
            CheckIns checkIns,
            QuarterlyReviews reviews) {
        this.store = store;
        this.editing = editing;
        this.tasks = tasks;
        this.taskEditing = taskEditing;
        this.views = views;
        this.comments = comments;
        this.checkIns = checkIns;
        this.reviews = reviews;
    }

    /**
     * Posts a check-in without files on an item ({@code kind}: action, project or kpi), as the check-in form would: by
     * its owner or someone who may change its plan; {@code status} one of not started, on track, at risk, off track,
     * done, blocked (NOT_STARTED...). Refused, with nothing saved, when the person may not or a field is wrong.
     */
    public UUID checkIn(
            SignedInUser user,
            String kind,
            UUID itemId,
            String status,
            String whatHappened,
            String whatWeLearned,
            String whatChanges) {
        ItemRef ref = ItemRef.parse(kind + ":" + itemId).orElseThrow(() -> new IllegalArgumentException(kind));
        return checkIns.post(user, ref, status, whatHappened, whatWeLearned, whatChanges, List.of());
    }

    /** Starts (or finds) the review of a quarter (1 to 4) of an improvement plan's school year; returns its id. */
    public UUID startQuarterlyReview(SignedInUser user, UUID planId, int quarter) {
        return reviews.start(user, planId, quarter);
    }

    /** The rows of a quarterly review, in their order. */
    public List<ReviewRow> quarterlyReviewRows(SignedInUser user, UUID reviewId) {
        return reviews.review(user, reviewId).items().stream()
                .map(item -> new ReviewRow(item.id(), item.itemId(), item.tier().name(), item.title(), item.status()))
                .toList();
    }

    /**
     * Saves the adjustments and notes decided for rows of a draft review (by row id), as its page does over the version
     * saved now; {@code signOff} then signs it off, which locks the quarter of its KPIs' values.
     */
    public void decideQuarterlyReview(
            SignedInUser user,
            UUID reviewId,
            Map<UUID, Adjustment> adjustments,
            Map<UUID, String> notes,
            boolean signOff) {
        Map<UUID, QuarterlyReviews.Decision> decisions = new HashMap<>();
        adjustments.forEach(
                (row, adjustment) -> decisions.put(row, new QuarterlyReviews.Decision(adjustment, notes.get(row))));
        reviews.save(user, reviewId, reviews.review(user, reviewId).version(), decisions, signOff);
    }

    /** The people involved in a project besides its owner. */
    public List<UUID> peopleOf(UUID districtId, UUID projectId) {
        return store.people(districtId, projectId);
    }

    /** A project's tasks and milestones in their order. */
    public List<Task> tasksOf(UUID districtId, UUID projectId) {
        return tasks.ofProject(districtId, projectId);
    }

    /** The tasks and milestones of the given projects, each project's in their order, in one statement. */
    public List<Task> tasksOfProjects(UUID districtId, Collection<UUID> projectIds) {
        return tasks.ofProjects(districtId, projectIds);
    }

    /** The comments on a project and its tasks, newest first. */
    public List<Comment> comments(UUID districtId, UUID projectId) {
        return comments.ofProject(districtId, projectId);
    }

    /** Every project of the district that is not archived. */
    public List<Project> projects(UUID districtId) {
        return store.all(districtId);
    }

    public Optional<Task> task(UUID districtId, UUID id) {
        return tasks.find(districtId, id);
    }

    /** The tasks and milestones matching the filter, each with its project, goal and school. */
    public List<WorkItem> work(UUID districtId, WorkFilter filter) {
        return views.items(districtId, filter);
    }

    /** Adds a task (a milestone when {@code milestone}: its one date is {@code due}) last of its project. */
    public UUID addTask(
            SignedInUser user,
            UUID projectId,
            String title,
            UUID ownerId,
            LocalDate start,
            LocalDate due,
            ProjectStatus status,
            int percent,
            boolean milestone) {
        return taskEditing.add(
                user,
                new Task(
                        null,
                        projectId,
                        title,
                        ownerId,
                        milestone ? due : start,
                        due,
                        status,
                        percent,
                        milestone,
                        0,
                        List.of(),
                        List.of(),
                        0));
    }

    /** A task's status and percent as its owner (or the plan's editor) reports them, over the task as saved now. */
    public void reportTask(SignedInUser user, UUID taskId, ProjectStatus status, int percent) {
        Task task = tasks.find(user.districtId(), taskId)
                .orElseThrow(() -> new org.lodestar.shared.NotFoundException("task"));
        taskEditing.update(
                user,
                new Task(
                        task.id(),
                        task.projectId(),
                        task.title(),
                        task.ownerId(),
                        task.startDate(),
                        task.dueDate(),
                        status,
                        percent,
                        task.milestone(),
                        task.boardPosition(),
                        task.people(),
                        task.dependsOn(),
                        task.version()));
    }

    /** Makes {@code taskId} wait for {@code dependsOnId} (refused with {@link DependencyRefused}). */
    public void dependOn(SignedInUser user, UUID taskId, UUID dependsOnId) {
        taskEditing.addDependency(user, taskId, dependsOnId);
    }

    /** A comment on a project or (taskId not null) one of its tasks. */
    public UUID comment(SignedInUser user, UUID projectId, UUID taskId, String body) {
        return taskEditing.comment(user, projectId, taskId, body);
    }

    /** A project that is not archived. */
    public Optional<Project> project(UUID districtId, UUID id) {
        return store.find(districtId, id);
    }

    /** The projects of the given strategies (a plan's, say), not archived, with status and due date, in one statement. */
    public List<Project> projectsOfStrategies(UUID districtId, Collection<UUID> strategyIds) {
        return store.ofStrategies(districtId, strategyIds);
    }

    /** Adds a project, last under its strategy, not started. */
    public UUID addProject(SignedInUser user, UUID strategyId, String title, UUID ownerId) {
        return editing.add(user, strategyId, title, ownerId);
    }

    /** Sets a project's status, if nobody changed the project since {@code version} was read. */
    public void setStatus(SignedInUser user, UUID projectId, ProjectStatus status, int version) {
        Project project = store.find(user.districtId(), projectId)
                .orElseThrow(() -> new org.lodestar.shared.NotFoundException("project"));
        editing.update(user, projectId, project.title(), project.ownerId(), status, project.dueDate(), version);
    }

    /** Sets a project's due date (null: none), if nobody changed the project since {@code version} was read. */
    public void setDueDate(SignedInUser user, UUID projectId, LocalDate dueDate, int version) {
        Project project = store.find(user.districtId(), projectId)
                .orElseThrow(() -> new org.lodestar.shared.NotFoundException("project"));
        editing.update(user, projectId, project.title(), project.ownerId(), project.status(), dueDate, version);
    }

    /**
     * The plan's most recent quarterly review (the latest quarter, signed off or draft) with each row's status, evidence
     * and the adjustment decided; empty when the plan has none (a strategic plan never has one).
     */
    public Optional<LatestReview> latestReview(UUID districtId, UUID planId) {
        return reviews.latestOf(districtId, planId)
                .map(review -> new LatestReview(
                        review.quarter().schoolYear(),
                        review.quarter().quarter(),
                        review.signedOffAt(),
                        review.items().stream()
                                .map(item -> new ReviewDecision(
                                        item.tier().name(),
                                        item.title(),
                                        item.titleTranslation(),
                                        item.status(),
                                        item.done(),
                                        item.total(),
                                        item.unit(),
                                        item.latest(),
                                        item.latestYear(),
                                        item.target(),
                                        item.adjustment() == null
                                                ? null
                                                : item.adjustment().name(),
                                        item.note()))
                                .toList()));
    }

    /**
     * The latest check-in of each of the given actions and KPIs posted from {@code from} up to, not including, {@code to}, with its narrative, in the
     * order the items were given; an item without a check-in then is left out.
     */
    public List<Narrative> narratives(
            UUID districtId, List<UUID> actionIds, List<UUID> kpiIds, java.time.Instant from, java.time.Instant to) {
        Map<ItemRef, org.lodestar.execution.checkin.CheckIn> latest = new HashMap<>();
        // newest first: each item keeps the first one before the period's end
        for (org.lodestar.execution.checkin.CheckIn checkIn : checkIns.since(districtId, from)) {
            if (checkIn.createdAt().isBefore(to)) {
                latest.putIfAbsent(checkIn.item(), checkIn);
            }
        }
        List<Narrative> narratives = new java.util.ArrayList<>();
        List<ItemRef> items = new java.util.ArrayList<>();
        actionIds.forEach(id -> items.add(new ItemRef(org.lodestar.execution.checkin.ItemKind.ACTION, id)));
        kpiIds.forEach(id -> items.add(new ItemRef(org.lodestar.execution.checkin.ItemKind.KPI, id)));
        for (ItemRef item : items) {
            org.lodestar.execution.checkin.CheckIn c = latest.get(item);
            if (c != null) {
                narratives.add(new Narrative(
                        item.kind().name(),
                        item.id(),
                        c.status().name(),
                        c.whatHappened(),
                        c.whatWeLearned(),
                        c.whatChanges(),
                        c.authorId(),
                        c.createdAt()));
            }
        }
        return narratives;
    }
}
