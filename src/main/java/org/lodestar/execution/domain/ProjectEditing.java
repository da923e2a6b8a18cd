package org.lodestar.execution.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.Project;
import org.lodestar.execution.ProjectStatus;
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
 * Changes to projects: made by whoever may change the plan of the project's strategy (planning says who), refused
 * when the project changed since it was read, recorded in the audit log.
 */
@Service
@Transactional
public class ProjectEditing {

    private final ProjectStore store;
    private final PlanningApi planning;
    private final ApplicationEventPublisher events;

    ProjectEditing(ProjectStore store, PlanningApi planning, ApplicationEventPublisher events) {
        this.store = store;
        this.planning = planning;
        this.events = events;
    }

    /** The strategy a project hangs under, which tells its plan; not found when planning removed it. */
    public Strategy strategyOf(UUID districtId, UUID strategyId) {
        return planning.strategy(districtId, strategyId).orElseThrow(() -> new NotFoundException("item"));
    }

    public boolean canEdit(SignedInUser user, UUID strategyId) {
        return planning.canEdit(user, strategyOf(user.districtId(), strategyId).planId());
    }

    public UUID add(SignedInUser user, UUID strategyId, String title, UUID ownerId) {
        ForbiddenException.unless(canEdit(user, strategyId));
        UUID id = Ids.next();
        store.insert(user.districtId(), id, strategyId, title, ownerId);
        events.publishEvent(AuditableChange.created(
                        user.districtId(),
                        user.email(),
                        "Project",
                        id,
                        title,
                        Map.of(
                                "history.field.title",
                                AuditValue.text(title),
                                "history.field.owner",
                                AuditValue.person(ownerId)))
                .within(planOf(user, strategyId)));
        return id;
    }

    /** Saves title, owner, status and due date (null: none) over the project as it was at {@code version}. */
    public void update(
            SignedInUser user,
            UUID id,
            String title,
            UUID ownerId,
            ProjectStatus status,
            LocalDate dueDate,
            int version) {
        Project before = editable(user, id);
        save(
                user,
                new Project(
                        id,
                        before.strategyId(),
                        title,
                        ownerId,
                        before.position(),
                        status,
                        before.startDate(),
                        dueDate,
                        before.percentComplete(),
                        before.description(),
                        version),
                null);
    }

    /**
     * Saves every field of the project (and, unless null, who else is involved) over the project as it was at its
     * {@code version}. Dates out of order or a percent outside 0..100 are the form's to refuse; the database refuses
     * them too.
     */
    public void save(SignedInUser user, Project after, java.util.List<UUID> people) {
        Project before = editable(user, after.id());
        Map<String, Object> old = fields(before);
        Map<String, Object> now = fields(after);
        if (people != null) {
            old.put("history.field.people", persons(store.people(user.districtId(), after.id())));
            now.put("history.field.people", persons(people));
        }
        EditConflictException.unlessSaved(store.update(user.districtId(), after, after.version()), "project");
        if (people != null) {
            store.setPeople(user.districtId(), after.id(), people);
        }
        events.publishEvent(
                AuditableChange.updated(user.districtId(), user.email(), "Project", after.id(), after.title(), old, now)
                        .within(planOf(user, before.strategyId())));
    }

    static AuditValue persons(java.util.Collection<UUID> people) {
        return AuditValue.list(people.stream().map(AuditValue::person).toList());
    }

    public void remove(SignedInUser user, UUID id, int version) {
        Project before = editable(user, id);
        EditConflictException.unlessSaved(store.delete(user.districtId(), id, version), "project");
        events.publishEvent(
                AuditableChange.deleted(user.districtId(), user.email(), "Project", id, before.title(), fields(before))
                        .within(planOf(user, before.strategyId())));
    }

    public void move(SignedInUser user, UUID id, boolean up) {
        Project project = editable(user, id);
        store.move(user.districtId(), id, up);
        events.publishEvent(AuditableChange.updated(
                        user.districtId(),
                        user.email(),
                        "Project",
                        id,
                        project.title(),
                        Map.of("history.field.position", AuditValue.number(project.position())),
                        Map.of(
                                "history.field.moved",
                                AuditValue.choice(up ? "history.value.up" : "history.value.down")))
                .within(planOf(user, project.strategyId())));
    }

    /** The plan a project belongs to, so that its changes show in the plan's history. */
    private UUID planOf(SignedInUser user, UUID strategyId) {
        return strategyOf(user.districtId(), strategyId).planId();
    }

    private Project editable(SignedInUser user, UUID id) {
        Project project = store.find(user.districtId(), id).orElseThrow(() -> new NotFoundException("item"));
        ForbiddenException.unless(canEdit(user, project.strategyId()));
        return project;
    }

    static Map<String, Object> fields(Project project) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("history.field.title", AuditValue.text(project.title()));
        map.put("history.field.owner", AuditValue.person(project.ownerId()));
        map.put("history.field.status", AuditValue.choice("project.status.", project.status()));
        map.put("history.field.startDate", AuditValue.date(project.startDate()));
        map.put("history.field.dueDate", AuditValue.date(project.dueDate()));
        map.put("history.field.percentComplete", AuditValue.number(project.percentComplete()));
        map.put("history.field.description", AuditValue.text(project.description()));
        return map;
    }
}
