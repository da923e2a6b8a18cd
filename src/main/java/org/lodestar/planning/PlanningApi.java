package org.lodestar.planning;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.compliance.Purpose;
import org.lodestar.planning.domain.ComplianceCoverage;
import org.lodestar.planning.domain.Consultations;
import org.lodestar.planning.domain.GoalStore;
import org.lodestar.planning.domain.ImprovementPlans;
import org.lodestar.planning.domain.ItemChange;
import org.lodestar.planning.domain.NextYearPlans;
import org.lodestar.planning.domain.OutcomeStore;
import org.lodestar.planning.domain.PlanEditing;
import org.lodestar.planning.domain.PlanStore;
import org.lodestar.planning.domain.StrategyStore;
import org.lodestar.planning.domain.TreeEditing;
import org.lodestar.shared.NotFoundException;
import org.springframework.stereotype.Service;

/** What other modules may ask of planning: plans, their trees and items. */
@Service
public class PlanningApi {

    private final PlanStore plans;
    private final GoalStore goals;
    private final OutcomeStore outcomes;
    private final StrategyStore strategies;
    private final PlanEditing editing;
    private final TreeEditing tree;
    private final PlanTrees trees;
    private final ImprovementPlans improvementPlans;
    private final ComplianceCoverage compliance;
    private final Consultations consultations;
    private final NextYearPlans nextYear;

    PlanningApi(
            PlanStore plans,
            GoalStore goals,
            OutcomeStore outcomes,
            StrategyStore strategies,
            PlanEditing editing,
            TreeEditing tree,
            ImprovementPlans improvementPlans,
            ComplianceCoverage compliance,
            Consultations consultations,
            NextYearPlans nextYear,
            List<IndicatorSource> indicatorSources,
            List<ProjectSource> projectSources) {
        this.plans = plans;
        this.goals = goals;
        this.outcomes = outcomes;
        this.strategies = strategies;
        this.editing = editing;
        this.tree = tree;
        this.trees = new PlanTrees(indicatorSources, projectSources);
        this.improvementPlans = improvementPlans;
        this.compliance = compliance;
        this.consultations = consultations;
        this.nextYear = nextYear;
    }

    /**
     * The strategic plan's goal or strategy each of an improvement plan's goals and actions was taken from, for those
     * taken from one: where the KPIs and projects that show their progress are.
     */
    public Map<UUID, UUID> takenFromStrategicPlan(UUID districtId, List<UUID> itemIds) {
        return itemIds.isEmpty() ? Map.of() : improvementPlans.takenFrom(districtId, itemIds);
    }

    /**
     * The strategic plan an improvement plan's next year would be past (then no next year's plan can be made from it);
     * empty when next year is within it. Only for who may carry the plan forward.
     */
    public Optional<PlanSummary> nextYearPastStrategicPlan(SignedInUser user, UUID improvementPlanId) {
        return nextYear.pastStrategicPlan(user, improvementPlanId);
    }

    /**
     * Makes next year's improvement plan from this year's, as "Make next year's plan" does, keeping the given goals,
     * outcomes and actions with their costs and tags; {@code notes} (by this year's action) opens a kept action's
     * description ("Revised: ..."). Returns the new plan's id.
     */
    public UUID makeNextYearPlan(
            SignedInUser user,
            UUID improvementPlanId,
            String title,
            java.util.Set<UUID> goals,
            java.util.Set<UUID> outcomes,
            java.util.Set<UUID> actions,
            Map<UUID, String> notes) {
        return nextYear.copyForward(
                user, improvementPlanId, new NextYearPlans.Keep(title, goals, outcomes, actions, true, true, notes));
    }

    /**
     * Shows a district goal on the public scorecard, or takes it off, if nobody changed the goal since {@code version}
     * was read (else an {@link org.lodestar.shared.EditConflictException}).
     */
    public void setPublished(SignedInUser user, UUID goalId, boolean published, int version) {
        Goal goal = goal(user.districtId(), goalId).orElseThrow(() -> new NotFoundException("goal"));
        tree.of(Tier.GOAL)
                .update(
                        user,
                        goalId,
                        new ItemChange(goal.title(), goal.titleTranslation(), goal.ownerId(), published, version));
    }

    /** Rewords a goal, in the district's language and the other (null: not translated), if nobody changed it since. */
    public void rewordGoal(SignedInUser user, UUID goalId, String title, String titleTranslation, int version) {
        Goal goal = goal(user.districtId(), goalId).orElseThrow(() -> new NotFoundException("goal"));
        tree.of(Tier.GOAL)
                .update(
                        user,
                        goalId,
                        new ItemChange(title, titleTranslation, goal.ownerId(), goal.published(), version));
    }

    /** Saves a new or changed plan as this person; adopting it announces {@link PlanAdopted}. */
    public void savePlan(SignedInUser user, PlanSummary plan) {
        editing.savePlan(user, plan);
    }

    public UUID addGoal(SignedInUser user, UUID planId, String title, UUID ownerId) {
        return addGoal(user, planId, title, null, ownerId);
    }

    /** Adds a goal titled in the district's language and, translated, in the other one (null: not translated). */
    public UUID addGoal(SignedInUser user, UUID planId, String title, String titleTranslation, UUID ownerId) {
        return tree.of(Tier.GOAL).add(user, planId, planId, title, titleTranslation, ownerId);
    }

    public UUID addOutcome(SignedInUser user, UUID goalId, String title, UUID ownerId) {
        return addOutcome(user, goalId, title, null, ownerId);
    }

    public UUID addOutcome(SignedInUser user, UUID goalId, String title, String titleTranslation, UUID ownerId) {
        Goal goal = goal(user.districtId(), goalId).orElseThrow(() -> new NotFoundException("goal"));
        return tree.of(Tier.OUTCOME).add(user, goal.planId(), goalId, title, titleTranslation, ownerId);
    }

    public UUID addStrategy(SignedInUser user, UUID goalId, String title, UUID ownerId) {
        Goal goal = goal(user.districtId(), goalId).orElseThrow(() -> new NotFoundException("goal"));
        return tree.of(Tier.STRATEGY).add(user, goal.planId(), goalId, title, null, ownerId);
    }

    /** Aligns a school goal to a district goal, with the school's reason. */
    public void align(SignedInUser user, UUID schoolGoalId, UUID districtGoalId, String rationale) {
        editing.align(user, schoolGoalId, districtGoalId, rationale);
    }

    /** Every alignment of a school goal to a district goal in the district. */
    public List<Alignment> alignments(UUID districtId) {
        return plans.alignments(districtId);
    }

    public List<PlanSummary> plans(UUID districtId) {
        return plans.plans(districtId);
    }

    public PlanSummary plan(UUID districtId, UUID planId) {
        return plans.plan(districtId, planId).orElseThrow(() -> new NotFoundException("plan"));
    }

    /** Whether the person may change the plan and everything in it (and what other modules hang under it). */
    public boolean canEdit(SignedInUser user, UUID planId) {
        return editing.canEdit(user, plan(user.districtId(), planId));
    }

    /** The district's current strategic plan: the adopted one if any, else the newest. */
    public Optional<PlanSummary> districtStrategicPlan(UUID districtId) {
        List<PlanSummary> district = plans.plans(districtId).stream()
                .filter(PlanSummary::districtPlan)
                .filter(plan -> plan.kind() == PlanKind.STRATEGIC)
                .toList();
        return district.stream()
                .filter(plan -> plan.status() == PlanStatus.ADOPTED)
                .findFirst()
                .or(() -> district.stream().findFirst());
    }

    /** A goal that is not removed. */
    public Optional<Goal> goal(UUID districtId, UUID id) {
        return goals.find(districtId, id);
    }

    /** An outcome that is not removed, nor under a removed goal. */
    public Optional<Outcome> outcome(UUID districtId, UUID id) {
        return outcomes.find(districtId, id);
    }

    /** A strategy that is not removed, nor under a removed goal. */
    public Optional<Strategy> strategy(UUID districtId, UUID id) {
        return strategies.find(districtId, id);
    }

    /** Every goal of every plan of the district, in their order. */
    public List<Goal> goals(UUID districtId) {
        return goals.ofDistrict(districtId);
    }

    /** The items of one plan (none when it is not the district's), one statement per tier. */
    public PlanNodes nodesOfPlan(UUID districtId, UUID planId) {
        return new PlanNodes(
                goals.ofPlan(districtId, planId),
                outcomes.ofPlan(districtId, planId),
                strategies.ofPlan(districtId, planId));
    }

    /** The items of several plans, by plan, one statement per tier whatever the number of plans. */
    public Map<UUID, PlanNodes> nodesOfPlans(UUID districtId, java.util.Collection<UUID> planIds) {
        Map<UUID, PlanNodes> byPlan = new java.util.LinkedHashMap<>();
        if (planIds.isEmpty()) {
            return byPlan;
        }
        Map<UUID, List<Goal>> goalsOf = goals.ofPlans(districtId, planIds).stream()
                .collect(java.util.stream.Collectors.groupingBy(Goal::planId));
        Map<UUID, List<Outcome>> outcomesOf = outcomes.ofPlans(districtId, planIds).stream()
                .collect(java.util.stream.Collectors.groupingBy(Outcome::planId));
        Map<UUID, List<Strategy>> strategiesOf = strategies.ofPlans(districtId, planIds).stream()
                .collect(java.util.stream.Collectors.groupingBy(Strategy::planId));
        for (UUID plan : planIds) {
            byPlan.put(
                    plan,
                    new PlanNodes(
                            goalsOf.getOrDefault(plan, List.of()),
                            outcomesOf.getOrDefault(plan, List.of()),
                            strategiesOf.getOrDefault(plan, List.of())));
        }
        return byPlan;
    }

    public PlanTree tree(UUID districtId, UUID planId) {
        return trees.tree(districtId, plan(districtId, planId), nodesOfPlan(districtId, planId));
    }

    public Map<UUID, List<Indicator>> indicators(UUID districtId, List<UUID> outcomeIds) {
        return trees.indicators(districtId, outcomeIds);
    }

    /**
     * Starts a school year's improvement plan (a school's when {@code schoolId} is set) from the chosen goals and
     * strategies of a strategic plan; none chosen gives an empty plan linked to it.
     */
    public UUID startImprovementPlan(
            SignedInUser user,
            UUID strategicPlanId,
            UUID schoolId,
            int schoolYear,
            String title,
            java.util.Set<UUID> goals,
            java.util.Set<UUID> strategies) {
        return improvementPlans.create(
                user, new ImprovementPlans.Start(strategicPlanId, schoolId, schoolYear, title, goals, strategies));
    }

    /** Saves what an improvement plan's action says, if nobody saved it since {@code detail.version()} was read. */
    public void describeAction(SignedInUser user, ActionDetail detail) {
        improvementPlans.saveDetail(user, detail);
    }

    public void addActionCost(
            SignedInUser user, UUID actionId, String fund, Purpose purpose, java.math.BigDecimal amount) {
        improvementPlans.addCost(user, actionId, fund, purpose, amount);
    }

    /** Tags a goal, outcome or action with a required-plan component it satisfies. */
    public void tag(SignedInUser user, UUID itemId, String frameworkCode, String componentCode) {
        compliance.tag(user, itemId, frameworkCode, componentCode);
    }

    /** Sets what the district receives of each fund in a school year, replacing what is saved now. */
    public void allocate(SignedInUser user, int schoolYear, Map<String, java.math.BigDecimal> allocations) {
        compliance.allocate(user, schoolYear, compliance.allocations(user.districtId(), schoolYear), allocations);
    }

    /** Records a consultation of stakeholders on a plan the person may edit. */
    public UUID recordConsultation(SignedInUser user, Consultation consultation) {
        return consultations.record(user, consultation);
    }
}
