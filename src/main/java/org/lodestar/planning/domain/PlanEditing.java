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

    /**
     * Changes the school's reason for an alignment, if nobody changed it since {@code version} was read (else
     * {@link EditConflictException}, and nothing is saved).
     */
    public void changeRationale(
            SignedInUser user, UUID schoolGoalId, UUID districtGoalId, String rationale, int version) {
        Goal schoolGoal = editableGoal(user, schoolGoalId);
        Alignment before = store.alignments(user.districtId()).stream()
                .filter(a -> a.schoolGoalId().equals(schoolGoalId)
                        && a.districtGoalId().equals(districtGoalId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("alignment"));
        store.changeRationale(user.districtId(), new Alignment(schoolGoalId, districtGoalId, rationale, version));
        AuditValue districtGoal = districtGoalInWords(user, districtGoalId);
        alignmentChanged(
                user,
                schoolGoal,
                Map.of(
                        "history.field.alignedTo",
                        districtGoal,
                        "history.field.rationale",
                        AuditValue.text(before.rationale())),
                Map.of("history.field.alignedTo", districtGoal, "history.field.rationale", AuditValue.text(rationale)));
    }

    public void unalign(SignedInUser user, UUID schoolGoalId, UUID districtGoalId) {
        Goal schoolGoal = editableGoal(user, schoolGoalId);
        store.unalign(user.districtId(), schoolGoalId, districtGoalId);
        alignmentChanged(
                user,
                schoolGoal,
                Map.of("history.field.alignedTo", districtGoalInWords(user, districtGoalId)),
                Map.of());
    }

    /** A district goal as the history names it: a goal removed since is no longer found, and its id tells nothing. */
    private AuditValue districtGoalInWords(SignedInUser user, UUID districtGoalId) {
        return goals.find(user.districtId(), districtGoalId)
                .map(goal -> AuditValue.text(goal.title()))
                .orElseGet(() -> AuditValue.choice("history.value.otherItem"));
    }

    private void alignmentChanged(
            SignedInUser user, Goal schoolGoal, Map<String, Object> before, Map<String, Object> after) {
        events.publishEvent(AuditableChange.updated(
                        user.districtId(), user.email(), "Goal", schoolGoal.id(), schoolGoal.title(), before, after)
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
