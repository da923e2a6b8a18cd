package org.lodestar.planning.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.ActionCost;
import org.lodestar.planning.ActionDetail;
import org.lodestar.planning.Alignment;
import org.lodestar.planning.ComplianceTag;
import org.lodestar.planning.FrameworkEntry;
import org.lodestar.planning.Goal;
import org.lodestar.planning.ImprovementLink;
import org.lodestar.planning.Outcome;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanTranslation;
import org.lodestar.planning.Strategy;
import org.lodestar.planning.Tier;
import org.lodestar.shared.Ids;
import org.lodestar.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Next year's improvement plan made from this year's: the goals, outcomes and actions the user keeps, each action with
 * what it says (its dates a year later), and, if asked, its costs and the required-plan tags of everything kept. A
 * school's goals stay aligned to the district goals they served. The new plan is a draft of the next school year,
 * linked to the same strategic plan and to the district's improvement plan of that year when there is one; nothing of
 * this year's plan changes. Every copy goes through the same writes as a person's entry, so it is checked and audited
 * the same way.
 */
@Service
@Transactional
public class NextYearPlans {

    /**
     * What to keep: the ids of this year's goals, outcomes and actions, and whether costs and tags come along;
     * {@code notes} puts a line before the description of kept actions (by this year's id): "Revised: why", say.
     */
    public record Keep(
            String title,
            Set<UUID> goals,
            Set<UUID> outcomes,
            Set<UUID> actions,
            boolean costs,
            boolean tags,
            Map<UUID, String> notes) {

        public Keep(String title, Set<UUID> goals, Set<UUID> outcomes, Set<UUID> actions, boolean costs, boolean tags) {
            this(title, goals, outcomes, actions, costs, tags, Map.of());
        }
    }

    /** Why next year's plan cannot be made: the year is past the strategic plan it carries out. */
    public static final class BeyondStrategicPlan extends RuntimeException {

        private final PlanSummary strategic;

        BeyondStrategicPlan(PlanSummary strategic) {
            super("next year is past the strategic plan " + strategic.id());
            this.strategic = strategic;
        }

        public PlanSummary strategic() {
            return strategic;
        }
    }

    private final PlanStore plans;
    private final PlanEditing planEditing;
    private final TreeEditing tree;
    private final GoalStore goals;
    private final OutcomeStore outcomes;
    private final StrategyStore strategies;
    private final ImprovementStore store;
    private final ImprovementPlans improvementPlans;
    private final ComplianceCoverage coverage;
    private final ComplianceFrameworks frameworks;
    private final PlanAccess access;

    NextYearPlans(
            PlanStore plans,
            PlanEditing planEditing,
            TreeEditing tree,
            GoalStore goals,
            OutcomeStore outcomes,
            StrategyStore strategies,
            ImprovementStore store,
            ImprovementPlans improvementPlans,
            ComplianceCoverage coverage,
            ComplianceFrameworks frameworks,
            PlanAccess access) {
        this.plans = plans;
        this.planEditing = planEditing;
        this.tree = tree;
        this.goals = goals;
        this.outcomes = outcomes;
        this.strategies = strategies;
        this.store = store;
        this.improvementPlans = improvementPlans;
        this.coverage = coverage;
        this.frameworks = frameworks;
        this.access = access;
    }

    /** This year's improvement plan, which the person may carry forward (the one who may edit it). */
    @Transactional(readOnly = true)
    public PlanSummary source(SignedInUser user, UUID planId) {
        PlanSummary plan = plans.plan(user.districtId(), planId)
                .filter(found -> found.kind() == PlanKind.IMPROVEMENT)
                .filter(found -> store.link(user.districtId(), planId).isPresent())
                .orElseThrow(() -> new NotFoundException("improvement plan"));
        access.editablePlan(user, planId);
        return plan;
    }

    /** The strategic plan the improvement plan carries out. */
    private PlanSummary strategicPlanOf(SignedInUser user, UUID planId) {
        ImprovementLink link = store.link(user.districtId(), planId).orElseThrow();
        return plans.plan(user.districtId(), link.strategicPlanId()).orElseThrow();
    }

    /** Makes next year's plan from this year's, keeping what {@code keep} names; returns the new plan's id. */
    public UUID copyForward(SignedInUser user, UUID planId, Keep keep) {
        UUID district = user.districtId();
        PlanSummary plan = source(user, planId);
        PlanSummary strategic = strategicPlanOf(user, planId);
        int year = plan.firstYear() + 1;
        if (year > strategic.lastYear()) {
            throw new BeyondStrategicPlan(strategic);
        }
        UUID next = Ids.next();
        planEditing.savePlan(
                user,
                new PlanSummary(
                        next,
                        plan.schoolId(),
                        PlanKind.IMPROVEMENT,
                        keep.title(),
                        year,
                        year,
                        null,
                        null,
                        null,
                        PlanTranslation.NONE,
                        PlanStatus.DRAFT,
                        0));
        UUID districtPlan = plan.schoolId() == null
                ? null
                : improvementPlans.districtImprovementPlan(district, year).orElse(null);
        store.link(district, new ImprovementLink(next, strategic.id(), districtPlan));

        List<Goal> keptGoals = goals.ofPlan(district, planId).stream()
                .filter(goal -> keep.goals().contains(goal.id()))
                .toList();
        Map<UUID, UUID> strategicGoals =
                store.strategicGoals(district, keptGoals.stream().map(Goal::id).toList());
        Map<UUID, UUID> copies = new HashMap<>();
        for (Goal goal : keptGoals) {
            UUID copy = tree.of(Tier.GOAL).add(user, next, next, goal.title(), goal.titleTranslation(), goal.ownerId());
            copies.put(goal.id(), copy);
            if (strategicGoals.containsKey(goal.id())) {
                store.takenFrom(district, copy, strategicGoals.get(goal.id()));
            }
        }
        realign(user, copies);
        for (Outcome outcome : outcomes.ofPlan(district, planId)) {
            if (keep.outcomes().contains(outcome.id()) && copies.containsKey(outcome.goalId())) {
                copies.put(
                        outcome.id(),
                        tree.of(Tier.OUTCOME)
                                .add(
                                        user,
                                        next,
                                        copies.get(outcome.goalId()),
                                        outcome.title(),
                                        outcome.titleTranslation(),
                                        outcome.ownerId()));
            }
        }
        List<Strategy> keptActions = strategies.ofPlan(district, planId).stream()
                .filter(action -> keep.actions().contains(action.id()) && copies.containsKey(action.goalId()))
                .toList();
        List<UUID> keptActionIds = keptActions.stream().map(Strategy::id).toList();
        Map<UUID, ActionDetail> details = store.details(district, keptActionIds);
        List<ActionCost> costs = keep.costs() ? store.costs(district, keptActionIds) : List.of();
        for (Strategy action : keptActions) {
            UUID copy = tree.of(Tier.STRATEGY)
                    .add(
                            user,
                            next,
                            copies.get(action.goalId()),
                            action.title(),
                            action.titleTranslation(),
                            action.ownerId());
            copies.put(action.id(), copy);
            store.insertDetail(district, copy, action.id());
            ActionDetail detail = details.get(action.id());
            String note = keep.notes().get(action.id());
            if (note != null) {
                detail = noted(detail == null ? ActionDetail.empty(action.id()) : detail, note);
            }
            if (detail != null) {
                improvementPlans.saveDetail(user, aYearLater(detail, copy));
            }
            for (ActionCost cost : costs) {
                if (cost.strategyId().equals(action.id())) {
                    improvementPlans.addCost(user, copy, cost.fund(), cost.purpose(), cost.amount());
                }
            }
        }
        if (keep.tags()) {
            copyTags(user, copies);
        }
        return next;
    }

    /** A kept school goal serves the district goals this year's did, for the same reasons. */
    private void realign(SignedInUser user, Map<UUID, UUID> goalCopies) {
        for (Alignment alignment : plans.alignments(user.districtId())) {
            UUID copy = goalCopies.get(alignment.schoolGoalId());
            if (copy != null) {
                planEditing.align(user, copy, alignment.districtGoalId(), alignment.rationale());
            }
        }
    }

    /** Tags of components still in use come along; a framework hidden since, or a component gone, does not. */
    private void copyTags(SignedInUser user, Map<UUID, UUID> copies) {
        Map<String, FrameworkEntry> inUse = new HashMap<>();
        frameworks.list(user).stream()
                .filter(entry -> !entry.hidden())
                .forEach(entry -> inUse.put(entry.code(), entry));
        List<ComplianceTag> tags = new ArrayList<>(coverage.tagsOf(user.districtId(), List.copyOf(copies.keySet())));
        for (ComplianceTag tag : tags) {
            FrameworkEntry framework = inUse.get(tag.frameworkCode());
            if (framework != null
                    && framework.framework().component(tag.componentCode()).isPresent()) {
                coverage.tag(user, copies.get(tag.itemId()), tag.frameworkCode(), tag.componentCode());
            }
        }
    }

    /** The detail with the note as the first paragraph of its description. */
    private static ActionDetail noted(ActionDetail detail, String note) {
        String description =
                detail.description() == null || detail.description().isBlank()
                        ? note
                        : note + "\n\n" + detail.description();
        return new ActionDetail(
                detail.strategyId(),
                description,
                detail.start(),
                detail.end(),
                detail.people(),
                detail.resources(),
                detail.needs(),
                detail.evidenceTier(),
                detail.evidenceBasis(),
                detail.implementationEvidence(),
                detail.impactEvidence(),
                detail.studentGroups(),
                detail.version());
    }

    /** The strategic plan next year would be past, if it is (then {@link #copyForward} refuses). */
    @Transactional(readOnly = true)
    public java.util.Optional<PlanSummary> pastStrategicPlan(SignedInUser user, UUID planId) {
        PlanSummary plan = source(user, planId);
        PlanSummary strategic = strategicPlanOf(user, planId);
        return plan.firstYear() + 1 > strategic.lastYear()
                ? java.util.Optional.of(strategic)
                : java.util.Optional.empty();
    }

    private static ActionDetail aYearLater(ActionDetail detail, UUID copy) {
        return new ActionDetail(
                copy,
                detail.description(),
                detail.start() == null ? null : detail.start().plusYears(1),
                detail.end() == null ? null : detail.end().plusYears(1),
                detail.people(),
                detail.resources(),
                detail.needs(),
                detail.evidenceTier(),
                detail.evidenceBasis(),
                detail.implementationEvidence(),
                detail.impactEvidence(),
                detail.studentGroups(),
                0);
    }
}
