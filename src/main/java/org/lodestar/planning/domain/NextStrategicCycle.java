package org.lodestar.planning.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.Goal;
import org.lodestar.planning.Outcome;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.Strategy;
import org.lodestar.planning.Tier;
import org.lodestar.shared.Ids;
import org.lodestar.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The next strategic cycle's plan started from the current one: a draft strategic plan of the years given, with the
 * vision, mission and values given (carried over and edited), the goals kept (each with its outcomes) and the actions
 * kept under them, each with its title in both languages and its owner. KPIs, targets and projects stay with the cycle
 * they measured. Nothing of the current plan changes. Every copy goes through the same writes as a person's entry, so
 * it is checked and audited the same way.
 */
@Service
@Transactional
public class NextStrategicCycle {

    /** The longest cycle a strategic plan may span, in school years. */
    public static final int LONGEST = 10;

    private final PlanStore plans;
    private final PlanEditing planEditing;
    private final TreeEditing tree;
    private final GoalStore goals;
    private final OutcomeStore outcomes;
    private final StrategyStore strategies;
    private final PlanAccess access;

    NextStrategicCycle(
            PlanStore plans,
            PlanEditing planEditing,
            TreeEditing tree,
            GoalStore goals,
            OutcomeStore outcomes,
            StrategyStore strategies,
            PlanAccess access) {
        this.plans = plans;
        this.planEditing = planEditing;
        this.tree = tree;
        this.goals = goals;
        this.outcomes = outcomes;
        this.strategies = strategies;
        this.access = access;
    }

    /** The current strategic plan, which the person may start the next cycle from (the one who may edit it). */
    @Transactional(readOnly = true)
    public PlanSummary source(SignedInUser user, UUID planId) {
        PlanSummary plan = plans.plan(user.districtId(), planId)
                .filter(found -> found.kind() == PlanKind.STRATEGIC)
                .orElseThrow(() -> new NotFoundException("strategic plan"));
        access.editablePlan(user, planId);
        return plan;
    }

    /**
     * Whether {@code next}'s years may follow {@code current}'s: it starts after the current cycle's first year, ends
     * no earlier than it starts and spans at most {@link #LONGEST} school years.
     */
    public static boolean yearsFollow(PlanSummary current, int firstYear, int lastYear) {
        return firstYear > current.firstYear() && lastYear >= firstYear && lastYear - firstYear < LONGEST;
    }

    /**
     * Starts the next cycle's plan (a draft) from the current one with the plan's texts and years of {@code next} and
     * the goals and actions named (an action only with its goal); returns its id.
     */
    public UUID start(SignedInUser user, UUID planId, PlanSummary next, Set<UUID> keptGoals, Set<UUID> keptActions) {
        UUID district = user.districtId();
        PlanSummary current = source(user, planId);
        if (!yearsFollow(current, next.firstYear(), next.lastYear())) {
            throw new IllegalArgumentException("the next cycle's years do not follow the current one's");
        }
        UUID id = Ids.next();
        planEditing.savePlan(
                user,
                new PlanSummary(
                        id,
                        current.schoolId(),
                        PlanKind.STRATEGIC,
                        next.title(),
                        next.firstYear(),
                        next.lastYear(),
                        next.vision(),
                        next.mission(),
                        next.coreValues(),
                        next.translation(),
                        PlanStatus.DRAFT,
                        0));
        Map<UUID, UUID> copies = new HashMap<>();
        List<Goal> kept = goals.ofPlan(district, planId).stream()
                .filter(goal -> keptGoals.contains(goal.id()))
                .toList();
        for (Goal goal : kept) {
            copies.put(
                    goal.id(),
                    tree.of(Tier.GOAL).add(user, id, id, goal.title(), goal.titleTranslation(), goal.ownerId()));
        }
        for (Outcome outcome : outcomes.ofPlan(district, planId)) {
            UUID goal = copies.get(outcome.goalId());
            if (goal != null) {
                tree.of(Tier.OUTCOME)
                        .add(user, id, goal, outcome.title(), outcome.titleTranslation(), outcome.ownerId());
            }
        }
        for (Strategy action : strategies.ofPlan(district, planId)) {
            UUID goal = copies.get(action.goalId());
            if (keptActions.contains(action.id()) && goal != null) {
                tree.of(Tier.STRATEGY).add(user, id, goal, action.title(), action.titleTranslation(), action.ownerId());
            }
        }
        return id;
    }
}
