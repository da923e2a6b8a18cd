package org.lodestar.planning.domain;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.Ids;
import org.lodestar.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a tier that hangs under a goal (outcomes, strategies): checked against the person's rights on the plan,
 * refused when the item changed since it was read, audited within the plan; a removal marks the item removed and
 * announces it, since other modules' rows hang under it.
 */
@Transactional
abstract class GoalItemEditing implements TierEditing {

    private final GoalItemStore<?> items;
    private final GoalStore goals;
    private final PlanAccess access;
    private final ApplicationEventPublisher events;

    GoalItemEditing(GoalItemStore<?> items, GoalStore goals, PlanAccess access, ApplicationEventPublisher events) {
        this.items = items;
        this.goals = goals;
        this.access = access;
        this.events = events;
    }

    /** The type the audit log names ("Outcome"), also the name an edit conflict reports in lower case. */
    abstract String type();

    /** The event that announces the item's removal. */
    abstract Object removed(SignedInUser user, GoalItem before);

    @Override
    public Optional<TreeItem> item(UUID districtId, UUID id) {
        return items.item(districtId, id)
                .map(i -> new TreeItem(
                        i.id(), i.planId(), i.title(), i.titleTranslation(), i.ownerId(), false, false, i.version()));
    }

    @Override
    public UUID add(SignedInUser user, UUID planId, UUID goalId, String title, String titleTranslation, UUID ownerId) {
        UUID goalPlan = goals.find(user.districtId(), goalId)
                .filter(found -> found.planId().equals(planId))
                .orElseThrow(() -> new NotFoundException("item"))
                .planId();
        access.editablePlan(user, goalPlan);
        UUID id = Ids.next();
        items.insert(user.districtId(), id, goalId, title, titleTranslation, ownerId);
        events.publishEvent(ItemAudit.created(user, type(), id, title, titleTranslation, ownerId, goalPlan));
        return id;
    }

    @Override
    public void update(SignedInUser user, UUID id, ItemChange change) {
        GoalItem before = editable(user, id);
        GoalItem after = before.changed(change);
        EditConflictException.unlessSaved(items.update(user.districtId(), after, change.version()), conflictName());
        events.publishEvent(AuditableChange.updated(
                        user.districtId(), user.email(), type(), id, after.title(), fields(before), fields(after))
                .within(before.planId()));
    }

    @Override
    public void remove(SignedInUser user, UUID id, int version) {
        GoalItem before = editable(user, id);
        EditConflictException.unlessSaved(items.remove(user.districtId(), id, version, user.email()), conflictName());
        events.publishEvent(
                AuditableChange.deleted(user.districtId(), user.email(), type(), id, before.title(), fields(before))
                        .within(before.planId()));
        events.publishEvent(removed(user, before));
    }

    @Override
    public void move(SignedInUser user, UUID id, boolean up) {
        GoalItem item = editable(user, id);
        items.move(user.districtId(), id, up);
        events.publishEvent(ItemAudit.moved(user, type(), id, item.title(), item.position(), up, item.planId()));
    }

    private GoalItem editable(SignedInUser user, UUID id) {
        GoalItem item = items.item(user.districtId(), id).orElseThrow(() -> new NotFoundException("item"));
        access.editablePlan(user, item.planId());
        return item;
    }

    private String conflictName() {
        return type().toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, Object> fields(GoalItem item) {
        return ItemAudit.fields(item.title(), item.titleTranslation(), item.ownerId());
    }
}
