package org.lodestar.planning.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.Alignment;
import org.lodestar.planning.Goal;
import org.lodestar.planning.PlanAdopted;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to plans and to the alignment of school goals: checked against the person's rights, recorded in the audit
 * log in the same transaction. Adopting a plan is announced ({@link PlanAdopted}); the event publication registry
 * stores it with this transaction, so a listener that fails gets it again instead of losing it. (The items of a plan's
 * tree are changed by each tier's {@link TierEditing}.)
 */
@Service
@Transactional
public class PlanEditing {

    private final PlanStore store;
    private final GoalStore goals;
    private final PlanAccess access;
    private final ApplicationEventPublisher events;

    PlanEditing(PlanStore store, GoalStore goals, PlanAccess access, ApplicationEventPublisher events) {
        this.store = store;
        this.goals = goals;
        this.access = access;
        this.events = events;
    }

    public boolean canEdit(SignedInUser user, PlanSummary plan) {
        return access.canEdit(user, plan);
    }

    /** Saves a new plan, or a changed one if nobody saved it since {@code plan.version()} was read. */
    public void savePlan(SignedInUser user, PlanSummary plan) {
        ForbiddenException.unless(canEdit(user, plan));
        Optional<PlanSummary> before = store.plan(user.districtId(), plan.id());
        if (before.isPresent() && !Objects.equals(before.get().schoolId(), plan.schoolId())) {
            throw new ForbiddenException();
        }
        if (before.isPresent()) {
            EditConflictException.unlessSaved(store.updatePlan(user.districtId(), plan), "plan");
        } else {
            store.insertPlan(user.districtId(), plan);
        }
        UUID district = user.districtId();
        events.publishEvent(
                before.isPresent()
                        ? AuditableChange.updated(
                                district,
                                user.email(),
                                "Plan",
                                plan.id(),
                                plan.title(),
                                fields(before.get()),
                                fields(plan))
                        : AuditableChange.created(
                                district, user.email(), "Plan", plan.id(), plan.title(), fields(plan)));
        boolean wasAdopted = before.map(p -> p.status() == PlanStatus.ADOPTED).orElse(false);
        if (plan.status() == PlanStatus.ADOPTED && !wasAdopted) {
            events.publishEvent(new PlanAdopted(district, plan.id(), plan.title(), user.email()));
        }
    }

    /** Aligns a school goal to a district goal, with the school's reason. */
    public void align(SignedInUser user, UUID schoolGoalId, UUID districtGoalId, String rationale) {
        Goal schoolGoal = editableGoal(user, schoolGoalId);
        PlanSummary schoolPlan =
                store.plan(user.districtId(), schoolGoal.planId()).orElseThrow();
        Goal districtGoal =
                goals.find(user.districtId(), districtGoalId).orElseThrow(() -> new NotFoundException("goal"));
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
                        Map.of(
                                "history.field.alignedTo",
                                AuditValue.text(districtGoal.title()),
                                "history.field.rationale",
                                AuditValue.text(rationale)))
                .within(schoolGoal.planId()));
    }

    public void unalign(SignedInUser user, UUID schoolGoalId, UUID districtGoalId) {
        Goal schoolGoal = editableGoal(user, schoolGoalId);
        store.unalign(user.districtId(), schoolGoalId, districtGoalId);
        // a district goal removed since is no longer found by its title, and its id would tell a reader nothing
        AuditValue districtGoal = goals.find(user.districtId(), districtGoalId)
                .map(goal -> AuditValue.text(goal.title()))
                .orElseGet(() -> AuditValue.choice("history.value.otherItem"));
        events.publishEvent(AuditableChange.updated(
                        user.districtId(),
                        user.email(),
                        "Goal",
                        schoolGoalId,
                        schoolGoal.title(),
                        Map.of("history.field.alignedTo", districtGoal),
                        Map.of())
                .within(schoolGoal.planId()));
    }

    private Goal editableGoal(SignedInUser user, UUID id) {
        Goal goal = goals.find(user.districtId(), id).orElseThrow(() -> new NotFoundException("item"));
        access.editablePlan(user, goal.planId());
        return goal;
    }

    private static Map<String, Object> fields(PlanSummary plan) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("history.field.title", AuditValue.text(plan.title()));
        map.put("history.field.firstYear", AuditValue.schoolYear(plan.firstYear()));
        map.put("history.field.lastYear", AuditValue.schoolYear(plan.lastYear()));
        map.put("history.field.vision", AuditValue.text(plan.vision()));
        map.put("history.field.mission", AuditValue.text(plan.mission()));
        map.put("history.field.values", AuditValue.text(plan.coreValues()));
        map.put(
                "history.field.titleTranslation",
                AuditValue.text(plan.translation().title()));
        map.put(
                "history.field.visionTranslation",
                AuditValue.text(plan.translation().vision()));
        map.put(
                "history.field.missionTranslation",
                AuditValue.text(plan.translation().mission()));
        map.put(
                "history.field.valuesTranslation",
                AuditValue.text(plan.translation().coreValues()));
        map.put("history.field.status", AuditValue.choice("plan.status.", plan.status()));
        return map;
    }
}
