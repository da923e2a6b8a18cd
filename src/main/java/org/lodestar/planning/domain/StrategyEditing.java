package org.lodestar.planning.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.Goal;
import org.lodestar.planning.Strategy;
import org.lodestar.planning.StrategyRemoved;
import org.lodestar.planning.Tier;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.Ids;
import org.lodestar.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to strategies; removing one marks it removed and announces it ({@link StrategyRemoved}), since execution's
 * projects hang under it.
 */
@Service
@Transactional
class StrategyEditing implements TierEditing {

    private final StrategyStore strategies;
    private final GoalStore goals;
    private final PlanAccess access;
    private final ApplicationEventPublisher events;

    StrategyEditing(StrategyStore strategies, GoalStore goals, PlanAccess access, ApplicationEventPublisher events) {
        this.strategies = strategies;
        this.goals = goals;
        this.access = access;
        this.events = events;
    }

    @Override
    public Tier tier() {
        return Tier.STRATEGY;
    }

    @Override
    public Optional<TreeItem> item(UUID districtId, UUID id) {
        return strategies
                .find(districtId, id)
                .map(o -> new TreeItem(o.id(), o.planId(), o.title(), o.ownerId(), false, false, o.version()));
    }

    @Override
    public UUID add(SignedInUser user, UUID planId, UUID goalId, String title, UUID ownerId) {
        Goal goal = goals.find(user.districtId(), goalId)
                .filter(found -> found.planId().equals(planId))
                .orElseThrow(() -> new NotFoundException("item"));
        access.editablePlan(user, goal.planId());
        UUID id = Ids.next();
        strategies.insert(user.districtId(), id, goalId, title, ownerId);
        events.publishEvent(AuditableChange.created(
                        user.districtId(),
                        user.email(),
                        "Strategy",
                        id,
                        title,
                        Map.of(
                                "history.field.title",
                                AuditValue.text(title),
                                "history.field.owner",
                                AuditValue.person(ownerId)))
                .within(goal.planId()));
        return id;
    }

    @Override
    public void update(SignedInUser user, UUID id, ItemChange change) {
        Strategy before = editable(user, id);
        Strategy after = new Strategy(
                id,
                before.goalId(),
                before.planId(),
                change.title(),
                change.ownerId(),
                before.position(),
                change.version() + 1);
        EditConflictException.unlessSaved(strategies.update(user.districtId(), after, change.version()), "strategy");
        events.publishEvent(AuditableChange.updated(
                        user.districtId(), user.email(), "Strategy", id, after.title(), fields(before), fields(after))
                .within(before.planId()));
    }

    @Override
    public void remove(SignedInUser user, UUID id, int version) {
        Strategy before = editable(user, id);
        EditConflictException.unlessSaved(strategies.remove(user.districtId(), id, version, user.email()), "strategy");
        events.publishEvent(
                AuditableChange.deleted(user.districtId(), user.email(), "Strategy", id, before.title(), fields(before))
                        .within(before.planId()));
        events.publishEvent(new StrategyRemoved(user.districtId(), id, before.goalId(), before.title(), user.email()));
    }

    @Override
    public void move(SignedInUser user, UUID id, boolean up) {
        Strategy strategy = editable(user, id);
        strategies.move(user.districtId(), id, up);
        events.publishEvent(Moves.audit(user, "Strategy", id, strategy.title(), strategy.position(), up)
                .within(strategy.planId()));
    }

    private Strategy editable(SignedInUser user, UUID id) {
        Strategy strategy = strategies.find(user.districtId(), id).orElseThrow(() -> new NotFoundException("item"));
        access.editablePlan(user, strategy.planId());
        return strategy;
    }

    private static Map<String, Object> fields(Strategy strategy) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("history.field.title", AuditValue.text(strategy.title()));
        map.put("history.field.owner", AuditValue.person(strategy.ownerId()));
        return map;
    }
}
