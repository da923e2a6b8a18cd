package org.lodestar.planning.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.Goal;
import org.lodestar.planning.GoalPublished;
import org.lodestar.planning.GoalRemoved;
import org.lodestar.planning.Tier;
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
 * Changes to goals. Publishing one is for planners only and announced ({@link GoalPublished}); removing one marks it
 * and everything under it removed and announces it ({@link GoalRemoved}), since other modules' rows hang under it.
 */
@Service
@Transactional
class GoalEditing implements TierEditing {

    private final GoalStore goals;
    private final OutcomeStore outcomes;
    private final StrategyStore strategies;
    private final PlanAccess access;
    private final ApplicationEventPublisher events;

    GoalEditing(
            GoalStore goals,
            OutcomeStore outcomes,
            StrategyStore strategies,
            PlanAccess access,
            ApplicationEventPublisher events) {
        this.goals = goals;
        this.outcomes = outcomes;
        this.strategies = strategies;
        this.access = access;
        this.events = events;
    }

    @Override
    public Tier tier() {
        return Tier.GOAL;
    }

    @Override
    public Optional<TreeItem> item(UUID districtId, UUID id) {
        return goals.find(districtId, id)
                .map(g -> new TreeItem(
                        g.id(),
                        g.planId(),
                        g.title(),
                        g.titleTranslation(),
                        g.ownerId(),
                        true,
                        g.published(),
                        g.version()));
    }

    @Override
    public UUID add(
            SignedInUser user, UUID planId, UUID parentId, String title, String titleTranslation, UUID ownerId) {
        access.editablePlan(user, planId);
        UUID id = Ids.next();
        goals.insert(user.districtId(), id, planId, title, titleTranslation, ownerId);
        events.publishEvent(ItemAudit.created(user, "Goal", id, title, titleTranslation, ownerId, planId));
        return id;
    }

    @Override
    public void update(SignedInUser user, UUID id, ItemChange change) {
        Goal before = editable(user, id);
        boolean publishing = change.published() != before.published();
        if (publishing) {
            ForbiddenException.unless(user.canPlanForDistrict());
        }
        Goal after = new Goal(
                id,
                before.planId(),
                change.title(),
                change.titleTranslation(),
                before.description(),
                change.ownerId(),
                before.position(),
                change.published(),
                change.version() + 1);
        EditConflictException.unlessSaved(goals.update(user.districtId(), after, change.version()), "goal");
        events.publishEvent(AuditableChange.updated(
                        user.districtId(), user.email(), "Goal", id, after.title(), fields(before), fields(after))
                .within(before.planId()));
        if (publishing) {
            events.publishEvent(new GoalPublished(user.districtId(), id, after.published(), user.email()));
        }
    }

    @Override
    public void remove(SignedInUser user, UUID id, int version) {
        Goal before = editable(user, id);
        EditConflictException.unlessSaved(goals.remove(user.districtId(), id, version, user.email()), "goal");
        List<UUID> outcomeIds = outcomes.removeAllOf(user.districtId(), id, user.email());
        List<UUID> strategyIds = strategies.removeAllOf(user.districtId(), id, user.email());
        events.publishEvent(
                AuditableChange.deleted(user.districtId(), user.email(), "Goal", id, before.title(), fields(before))
                        .within(before.planId()));
        events.publishEvent(new GoalRemoved(
                user.districtId(), id, before.planId(), before.title(), outcomeIds, strategyIds, user.email()));
    }

    @Override
    public void move(SignedInUser user, UUID id, boolean up) {
        Goal goal = editable(user, id);
        goals.move(user.districtId(), id, up);
        events.publishEvent(ItemAudit.moved(user, "Goal", id, goal.title(), goal.position(), up, goal.planId()));
    }

    private Goal editable(SignedInUser user, UUID id) {
        Goal goal = goals.find(user.districtId(), id).orElseThrow(() -> new NotFoundException("item"));
        access.editablePlan(user, goal.planId());
        return goal;
    }

    private static Map<String, Object> fields(Goal goal) {
        Map<String, Object> map = ItemAudit.fields(goal.title(), goal.titleTranslation(), goal.ownerId());
        map.put("history.field.published", AuditValue.yesNo(goal.published()));
        return map;
    }
}
