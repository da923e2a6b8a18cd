package org.lodestar.planning.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.Alignment;
import org.lodestar.planning.GoalPublished;
import org.lodestar.planning.GoalRemoved;
import org.lodestar.planning.Node;
import org.lodestar.planning.OutcomeRemoved;
import org.lodestar.planning.PlanAdopted;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.Tier;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.Ids;
import org.lodestar.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to a plan: checked against the person's rights (district plans by planners, a school's plan by its
 * leaders too), then recorded in the audit log in the same transaction. Changes other modules act on are published
 * as events of planning's API ({@link GoalRemoved}, {@link OutcomeRemoved}, {@link PlanAdopted},
 * {@link GoalPublished}); the event publication registry stores them with this transaction, so a listener that fails
 * gets them again instead of losing them.
 */
@Service
@Transactional
public class PlanEditing {

    private final PlanStore store;
    private final ApplicationEventPublisher events;

    PlanEditing(PlanStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    public boolean canEdit(SignedInUser user, PlanSummary plan) {
        return plan.districtPlan() ? user.canPlanForDistrict() : user.canLeadSchool(plan.schoolId());
    }

    public void savePlan(SignedInUser user, PlanSummary plan) {
        ForbiddenException.unless(canEdit(user, plan));
        var before = store.plan(user.districtId(), plan.id());
        if (before.isPresent() && !java.util.Objects.equals(before.get().schoolId(), plan.schoolId())) {
            throw new ForbiddenException();
        }
        store.savePlan(user.districtId(), plan);
        events.publishEvent(
                before.isPresent()
                        ? AuditableChange.updated(
                                user.districtId(),
                                user.email(),
                                "Plan",
                                plan.id(),
                                plan.title(),
                                fields(before.get()),
                                fields(plan))
                        : AuditableChange.created(
                                user.districtId(), user.email(), "Plan", plan.id(), plan.title(), fields(plan)));
        boolean wasAdopted = before.map(p -> p.status() == PlanStatus.ADOPTED).orElse(false);
        if (plan.status() == PlanStatus.ADOPTED && !wasAdopted) {
            events.publishEvent(new PlanAdopted(user.districtId(), plan.id(), plan.title(), user.email()));
        }
    }

    /** Adds an item under a plan (goals) or under the item one tier up. */
    public UUID addNode(SignedInUser user, UUID planId, Tier tier, UUID parentId, String title, UUID ownerId) {
        PlanSummary plan = editablePlan(user, planId);
        if (tier == Tier.GOAL) {
            parentId = plan.id();
        } else {
            Node parent = store.node(user.districtId(), tier.parent(), parentId)
                    .orElseThrow(() -> new NotFoundException("item"));
            if (!parent.planId().equals(plan.id())) {
                throw new NotFoundException("item");
            }
        }
        UUID id = Ids.next();
        store.insertNode(user.districtId(), tier, id, parentId, title, ownerId);
        events.publishEvent(AuditableChange.created(
                user.districtId(),
                user.email(),
                label(tier),
                id,
                title,
                Map.of("title", title, "owner", String.valueOf(ownerId))));
        return id;
    }

    public void updateNode(SignedInUser user, Node changed) {
        Node before = editableNode(user, changed.tier(), changed.id());
        Node after = new Node(
                before.tier(),
                before.id(),
                before.parentId(),
                before.planId(),
                changed.title(),
                changed.ownerId(),
                before.position(),
                changed.published(),
                changed.status());
        if (after.published() != before.published()) {
            ForbiddenException.unless(user.canPlanForDistrict());
        }
        store.updateNode(user.districtId(), after);
        events.publishEvent(AuditableChange.updated(
                user.districtId(),
                user.email(),
                label(after.tier()),
                after.id(),
                after.title(),
                fields(before),
                fields(after)));
        if (after.published() != before.published()) {
            events.publishEvent(new GoalPublished(user.districtId(), after.id(), after.published(), user.email()));
        }
    }

    /**
     * Removes an item. A goal or an outcome is only marked removed and announced, because KPIs of the measures module
     * hang under outcomes: measures archives them in its own listener, keeping their measurements.
     */
    public void deleteNode(SignedInUser user, Tier tier, UUID id) {
        Node before = editableNode(user, tier, id);
        List<UUID> outcomes = tier == Tier.GOAL ? store.outcomeIds(user.districtId(), id) : List.of();
        store.removeNode(user.districtId(), tier, id, user.email());
        events.publishEvent(AuditableChange.deleted(
                user.districtId(), user.email(), label(tier), id, before.title(), fields(before)));
        if (tier == Tier.GOAL) {
            events.publishEvent(new GoalRemoved(user.districtId(), id, before.title(), outcomes, user.email()));
        } else if (tier == Tier.OUTCOME) {
            events.publishEvent(
                    new OutcomeRemoved(user.districtId(), id, before.parentId(), before.title(), user.email()));
        }
    }

    public void move(SignedInUser user, Tier tier, UUID id, boolean up) {
        Node node = editableNode(user, tier, id);
        store.move(user.districtId(), node, up);
        events.publishEvent(AuditableChange.updated(
                user.districtId(),
                user.email(),
                label(tier),
                id,
                node.title() + (up ? " moved up" : " moved down"),
                Map.of("position", node.position()),
                Map.of("moved", up ? "up" : "down")));
    }

    /** Aligns a school goal to a district goal, with the school's reason. */
    public void align(SignedInUser user, UUID schoolGoalId, UUID districtGoalId, String rationale) {
        Node schoolGoal = editableNode(user, Tier.GOAL, schoolGoalId);
        PlanSummary schoolPlan =
                store.plan(user.districtId(), schoolGoal.planId()).orElseThrow();
        Node districtGoal = store.node(user.districtId(), Tier.GOAL, districtGoalId)
                .orElseThrow(() -> new NotFoundException("goal"));
        PlanSummary districtPlan =
                store.plan(user.districtId(), districtGoal.planId()).orElseThrow();
        if (schoolPlan.districtPlan() || !districtPlan.districtPlan()) {
            throw new ForbiddenException();
        }
        store.align(user.districtId(), new Alignment(schoolGoalId, districtGoalId, rationale));
        events.publishEvent(AuditableChange.updated(
                user.districtId(),
                user.email(),
                "Goal",
                schoolGoalId,
                schoolGoal.title(),
                Map.of(),
                Map.of("alignedTo", districtGoal.title(), "rationale", rationale)));
    }

    public void unalign(SignedInUser user, UUID schoolGoalId, UUID districtGoalId) {
        Node schoolGoal = editableNode(user, Tier.GOAL, schoolGoalId);
        store.unalign(user.districtId(), schoolGoalId, districtGoalId);
        events.publishEvent(AuditableChange.updated(
                user.districtId(),
                user.email(),
                "Goal",
                schoolGoalId,
                schoolGoal.title(),
                Map.of("alignedTo", districtGoalId.toString()),
                Map.of()));
    }

    private PlanSummary editablePlan(SignedInUser user, UUID planId) {
        PlanSummary plan = store.plan(user.districtId(), planId).orElseThrow(() -> new NotFoundException("plan"));
        ForbiddenException.unless(canEdit(user, plan));
        return plan;
    }

    private Node editableNode(SignedInUser user, Tier tier, UUID id) {
        Node node = store.node(user.districtId(), tier, id).orElseThrow(() -> new NotFoundException("item"));
        editablePlan(user, node.planId());
        return node;
    }

    private static String label(Tier tier) {
        return tier.name().charAt(0) + tier.name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, Object> fields(Node node) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("title", node.title());
        map.put("owner", String.valueOf(node.ownerId()));
        if (node.tier() == Tier.GOAL) {
            map.put("published", node.published());
        }
        if (node.status() != null) {
            map.put("status", node.status().name());
        }
        return map;
    }

    private static Map<String, Object> fields(PlanSummary plan) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("title", plan.title());
        map.put("years", plan.years());
        map.put("vision", String.valueOf(plan.vision()));
        map.put("mission", String.valueOf(plan.mission()));
        map.put("values", String.valueOf(plan.coreValues()));
        map.put("status", plan.status().name());
        return map;
    }
}
