package org.lodestar.planning.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.ActionCost;
import org.lodestar.planning.ActionDetail;
import org.lodestar.planning.Goal;
import org.lodestar.planning.ImprovementLink;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanTranslation;
import org.lodestar.planning.Strategy;
import org.lodestar.planning.Tier;
import org.lodestar.planning.compliance.FundingSource;
import org.lodestar.planning.compliance.Purpose;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.Ids;
import org.lodestar.shared.NotFoundException;
import org.lodestar.shared.SchoolYear;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Annual improvement plans: one per school year for the district and for each school, made in one step from the
 * strategic plan (the goals and strategies the person keeps become its goals and actions), and what each action says:
 * dates, people, resources, needs, evidence, the groups it serves, and its costs by fund.
 */
@Service
@Transactional
public class ImprovementPlans {

    private final PlanStore plans;
    private final PlanEditing planEditing;
    private final TreeEditing tree;
    private final GoalStore goals;
    private final StrategyStore strategies;
    private final ImprovementStore store;
    private final PlanAccess access;
    private final ApplicationEventPublisher events;

    ImprovementPlans(
            PlanStore plans,
            PlanEditing planEditing,
            TreeEditing tree,
            GoalStore goals,
            StrategyStore strategies,
            ImprovementStore store,
            PlanAccess access,
            ApplicationEventPublisher events) {
        this.plans = plans;
        this.planEditing = planEditing;
        this.tree = tree;
        this.goals = goals;
        this.strategies = strategies;
        this.store = store;
        this.access = access;
        this.events = events;
    }

    /**
     * What to start an improvement plan from: a strategic plan, the school it is for (null: the district), its school
     * year, and the strategic plan's goals and strategies to take.
     */
    public record Start(
            UUID strategicPlanId, UUID schoolId, int schoolYear, String title, Set<UUID> goals, Set<UUID> strategies) {}

    /**
     * Makes the improvement plan: its goals are copies of the chosen strategic goals, each remembering where it came
     * from (a school's goals are also aligned to them), and its actions copies of the chosen strategies. A school's plan
     * carries out the district's improvement plan of the same year too, when there is one.
     */
    public UUID create(SignedInUser user, Start start) {
        PlanSummary strategic = plans.plan(user.districtId(), start.strategicPlanId())
                .filter(plan -> plan.kind() == PlanKind.STRATEGIC)
                .orElseThrow(() -> new NotFoundException("strategic plan"));
        UUID planId = Ids.next();
        planEditing.savePlan(
                user,
                new PlanSummary(
                        planId,
                        start.schoolId(),
                        PlanKind.IMPROVEMENT,
                        start.title(),
                        start.schoolYear(),
                        start.schoolYear(),
                        null,
                        null,
                        null,
                        PlanTranslation.NONE,
                        PlanStatus.DRAFT,
                        0));
        UUID districtPlan = start.schoolId() == null
                ? null
                : districtImprovementPlan(user.districtId(), start.schoolYear()).orElse(null);
        store.link(user.districtId(), new ImprovementLink(planId, strategic.id(), districtPlan));
        boolean schoolPlan = start.schoolId() != null;
        List<Strategy> strategicActions = strategies.ofPlan(user.districtId(), strategic.id());
        for (Goal goal : goals.ofPlan(user.districtId(), strategic.id())) {
            if (!start.goals().contains(goal.id())) {
                continue;
            }
            // a school names its own owners; the district's plan keeps the strategic plan's
            UUID goalId = tree.of(Tier.GOAL)
                    .add(
                            user,
                            planId,
                            planId,
                            goal.title(),
                            goal.titleTranslation(),
                            schoolPlan ? null : goal.ownerId());
            store.takenFrom(user.districtId(), goalId, goal.id());
            if (schoolPlan && strategic.districtPlan()) {
                planEditing.align(
                        user, goalId, goal.id(), strategic.title() + " (" + new SchoolYear(start.schoolYear()) + ")");
            }
            for (Strategy action : strategicActions) {
                if (action.goalId().equals(goal.id()) && start.strategies().contains(action.id())) {
                    UUID actionId = tree.of(Tier.STRATEGY)
                            .add(
                                    user,
                                    planId,
                                    goalId,
                                    action.title(),
                                    action.titleTranslation(),
                                    schoolPlan ? null : action.ownerId());
                    store.insertDetail(user.districtId(), actionId, action.id());
                }
            }
        }
        return planId;
    }

    /**
     * The strategic plan's goal or strategy each of the given improvement goals and actions was taken from, for those
     * taken from one (where its KPIs and projects are).
     */
    @Transactional(readOnly = true)
    public Map<UUID, UUID> takenFrom(UUID districtId, List<UUID> itemIds) {
        Map<UUID, UUID> taken = new java.util.HashMap<>(store.strategicGoals(districtId, itemIds));
        taken.putAll(store.strategicActions(districtId, itemIds));
        return taken;
    }

    public Optional<ImprovementLink> link(UUID districtId, UUID planId) {
        return store.link(districtId, planId);
    }

    /** The district's own improvement plan of a school year, if it has one: the adopted one, else the first by title. */
    public Optional<UUID> districtImprovementPlan(UUID districtId, int schoolYear) {
        List<PlanSummary> ofYear = plans.plans(districtId).stream()
                .filter(plan ->
                        plan.districtPlan() && plan.kind() == PlanKind.IMPROVEMENT && plan.firstYear() == schoolYear)
                .toList();
        return ofYear.stream()
                .filter(plan -> plan.status() == PlanStatus.ADOPTED)
                .findFirst()
                .or(() -> ofYear.stream().findFirst())
                .map(PlanSummary::id);
    }

    /** The improvement plans of a school year: the district's and the schools'. */
    public List<PlanSummary> ofYear(UUID districtId, int schoolYear) {
        return plans.plans(districtId).stream()
                .filter(plan -> plan.kind() == PlanKind.IMPROVEMENT && plan.firstYear() == schoolYear)
                .toList();
    }

    /** The action (a strategy not removed) and the plan it belongs to. */
    public ActionInPlan action(SignedInUser user, UUID strategyId) {
        Strategy strategy =
                strategies.find(user.districtId(), strategyId).orElseThrow(() -> new NotFoundException("action"));
        PlanSummary plan = plans.plan(user.districtId(), strategy.planId()).orElseThrow();
        ActionDetail detail = store.detail(user.districtId(), strategyId).orElse(ActionDetail.empty(strategyId));
        return new ActionInPlan(
                strategy,
                plan,
                detail,
                store.costs(user.districtId(), List.of(strategyId)),
                access.canEdit(user, plan));
    }

    /** An action with its plan, what it says and costs, and whether the reader may change it. */
    public record ActionInPlan(
            Strategy strategy, PlanSummary plan, ActionDetail detail, List<ActionCost> costs, boolean editable) {

        public BigDecimal totalCost() {
            return costs.stream().map(ActionCost::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** The details of the given actions, by action (an action nothing was said of has none). */
    @Transactional(readOnly = true)
    public Map<UUID, ActionDetail> details(UUID districtId, List<UUID> strategyIds) {
        return store.details(districtId, strategyIds);
    }

    @Transactional(readOnly = true)
    public List<ActionCost> costs(UUID districtId, List<UUID> strategyIds) {
        return store.costs(districtId, strategyIds);
    }

    /** Saves what the action says, if nobody saved it since {@code changed.version()} was read. */
    public void saveDetail(SignedInUser user, ActionDetail changed) {
        ActionInPlan action = editable(user, changed.strategyId());
        if (store.detail(user.districtId(), changed.strategyId()).isEmpty()) {
            store.insertDetail(user.districtId(), changed.strategyId(), null);
        }
        EditConflictException.unlessSaved(store.update(user.districtId(), changed), "action");
        events.publishEvent(AuditableChange.updated(
                        user.districtId(),
                        user.email(),
                        "Strategy",
                        changed.strategyId(),
                        action.strategy().title(),
                        fields(action.detail()),
                        fields(changed))
                .within(action.plan().id()));
    }

    public void addCost(SignedInUser user, UUID strategyId, String fund, Purpose purpose, BigDecimal amount) {
        ActionInPlan action = editable(user, strategyId);
        UUID id = Ids.next();
        store.insertCost(user.districtId(), new ActionCost(id, strategyId, fund, purpose, amount));
        auditCost(user, action, Map.of(), Map.of("improvement.field.cost", cost(fund, purpose, amount)));
    }

    public void removeCost(SignedInUser user, UUID strategyId, UUID costId) {
        ActionInPlan action = editable(user, strategyId);
        ActionCost removed = action.costs().stream()
                .filter(cost -> cost.id().equals(costId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("cost"));
        store.deleteCost(user.districtId(), strategyId, costId);
        auditCost(
                user,
                action,
                Map.of("improvement.field.cost", cost(removed.fund(), removed.purpose(), removed.amount())),
                Map.of());
    }

    private void auditCost(
            SignedInUser user, ActionInPlan action, Map<String, Object> before, Map<String, Object> after) {
        events.publishEvent(AuditableChange.updated(
                        user.districtId(),
                        user.email(),
                        "Strategy",
                        action.strategy().id(),
                        action.strategy().title(),
                        before,
                        after)
                .within(action.plan().id()));
    }

    private ActionInPlan editable(SignedInUser user, UUID strategyId) {
        ActionInPlan action = action(user, strategyId);
        access.editablePlan(user, action.plan().id());
        return action;
    }

    private static AuditValue cost(String fund, Purpose purpose, BigDecimal amount) {
        // a fund the district added has no message: its code is written as it is
        return AuditValue.list(
                FundingSource.isBuiltIn(fund) ? AuditValue.choice("fund." + fund) : AuditValue.text(fund),
                AuditValue.choice("purpose.", purpose),
                AuditValue.number(amount));
    }

    private static Map<String, Object> fields(ActionDetail d) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("improvement.field.description", AuditValue.text(d.description()));
        fields.put("improvement.field.start", AuditValue.date(d.start()));
        fields.put("improvement.field.end", AuditValue.date(d.end()));
        fields.put(
                "improvement.field.people",
                AuditValue.list(d.people().stream().map(AuditValue::person).toList()));
        fields.put("improvement.field.resources", AuditValue.text(d.resources()));
        fields.put("improvement.field.needs", AuditValue.text(d.needs()));
        fields.put("improvement.field.evidenceTier", AuditValue.choice("evidence.", d.evidenceTier()));
        fields.put("improvement.field.evidenceBasis", AuditValue.text(d.evidenceBasis()));
        fields.put("improvement.field.implementationEvidence", AuditValue.text(d.implementationEvidence()));
        fields.put("improvement.field.impactEvidence", AuditValue.text(d.impactEvidence()));
        fields.put(
                "improvement.field.groups",
                AuditValue.list(
                        d.studentGroups().stream().map(AuditValue::group).toList()));
        return fields;
    }
}
