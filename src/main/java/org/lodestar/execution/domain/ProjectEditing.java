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
        Project after =
                new Project(id, before.strategyId(), title, ownerId, before.position(), status, dueDate, version + 1);
        EditConflictException.unlessSaved(store.update(user.districtId(), after, version), "project");
        events.publishEvent(AuditableChange.updated(
                        user.districtId(), user.email(), "Project", id, title, fields(before), fields(after))
                .within(planOf(user, before.strategyId())));
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
        map.put("history.field.dueDate", AuditValue.date(project.dueDate()));
        return map;
    }
}
