package org.lodestar.planning.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.Goal;
import org.lodestar.planning.Outcome;
import org.lodestar.planning.OutcomeRemoved;
import org.lodestar.planning.Tier;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.Ids;
import org.lodestar.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to outcomes; removing one marks it removed and announces it ({@link OutcomeRemoved}). */
@Service
@Transactional
class OutcomeEditing implements TierEditing {

    private final OutcomeStore outcomes;
    private final GoalStore goals;
    private final PlanAccess access;
    private final ApplicationEventPublisher events;

    OutcomeEditing(OutcomeStore outcomes, GoalStore goals, PlanAccess access, ApplicationEventPublisher events) {
        this.outcomes = outcomes;
        this.goals = goals;
        this.access = access;
        this.events = events;
    }

    @Override
    public Tier tier() {
        return Tier.OUTCOME;
    }

    @Override
    public Optional<TreeItem> item(UUID districtId, UUID id) {
        return outcomes.find(districtId, id)
                .map(o -> new TreeItem(o.id(), o.planId(), o.title(), o.ownerId(), false, false, o.version()));
    }

    @Override
    public UUID add(SignedInUser user, UUID planId, UUID goalId, String title, UUID ownerId) {
        Goal goal = goals.find(user.districtId(), goalId)
                .filter(found -> found.planId().equals(planId))
                .orElseThrow(() -> new NotFoundException("item"));
        access.editablePlan(user, goal.planId());
        UUID id = Ids.next();
        outcomes.insert(user.districtId(), id, goalId, title, ownerId);
        events.publishEvent(AuditableChange.created(
                        user.districtId(),
                        user.email(),
                        "Outcome",
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
        Outcome before = editable(user, id);
        Outcome after = new Outcome(
                id,
                before.goalId(),
                before.planId(),
                change.title(),
                change.ownerId(),
                before.position(),
                change.version() + 1);
        EditConflictException.unlessSaved(outcomes.update(user.districtId(), after, change.version()), "outcome");
        events.publishEvent(AuditableChange.updated(
                        user.districtId(), user.email(), "Outcome", id, after.title(), fields(before), fields(after))
                .within(before.planId()));
    }

    @Override
    public void remove(SignedInUser user, UUID id, int version) {
        Outcome before = editable(user, id);
        EditConflictException.unlessSaved(outcomes.remove(user.districtId(), id, version, user.email()), "outcome");
        events.publishEvent(
                AuditableChange.deleted(user.districtId(), user.email(), "Outcome", id, before.title(), fields(before))
                        .within(before.planId()));
        events.publishEvent(new OutcomeRemoved(user.districtId(), id, before.goalId(), before.title(), user.email()));
    }

    @Override
    public void move(SignedInUser user, UUID id, boolean up) {
        Outcome outcome = editable(user, id);
        outcomes.move(user.districtId(), id, up);
        events.publishEvent(Moves.audit(user, "Outcome", id, outcome.title(), outcome.position(), up)
                .within(outcome.planId()));
    }

    private Outcome editable(SignedInUser user, UUID id) {
        Outcome outcome = outcomes.find(user.districtId(), id).orElseThrow(() -> new NotFoundException("item"));
        access.editablePlan(user, outcome.planId());
        return outcome;
    }

    private static Map<String, Object> fields(Outcome outcome) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("history.field.title", AuditValue.text(outcome.title()));
        map.put("history.field.owner", AuditValue.person(outcome.ownerId()));
        return map;
    }
}
