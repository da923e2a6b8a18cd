package org.lodestar.planning.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lodestar.planning.ActionDetail;
import org.lodestar.planning.Indicator;
import org.lodestar.planning.PlanTree;
import org.lodestar.planning.Strategy;
import org.lodestar.shared.Bilingual;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan-quality review: what a plan still lacks for a reader to follow it and for anyone to tell whether it worked,
 * as a checklist. A plan's tree gives the goals, outcomes, KPIs and actions; an improvement plan's actions are also
 * checked for their dates, cost and evidence of impact (a strategic plan's strategies carry none of these).
 */
@Service
@Transactional(readOnly = true)
public class PlanReview {

    /**
     * How many goals a plan may have before it loses focus: a school works on two or three priorities at a time, a
     * district on a handful (see README, "Plan-quality review").
     */
    static final int SCHOOL_GOALS = 3;

    static final int DISTRICT_GOALS = 5;

    /** What is checked, in the order the checklist reads; each has its message key {@code review.check.<name>}. */
    public enum Check {
        FOCUS,
        GOAL_WITHOUT_OUTCOME,
        OUTCOME_WITHOUT_KPI,
        KPI_WITHOUT_TARGET,
        KPI_WITHOUT_OWNER,
        ACTION_WITHOUT_OWNER,
        ACTION_WITHOUT_DATES,
        ACTION_WITHOUT_COST,
        ACTION_WITHOUT_IMPACT_EVIDENCE;

        /** Whether the check is about an improvement plan's action details. */
        public boolean aboutActionDetails() {
            return this == ACTION_WITHOUT_DATES
                    || this == ACTION_WITHOUT_COST
                    || this == ACTION_WITHOUT_IMPACT_EVIDENCE;
        }
    }

    /** The kind of item a finding is about, for the link to where it is fixed. */
    public enum Kind {
        PLAN,
        GOAL,
        OUTCOME,
        KPI,
        ACTION
    }

    /** One item a check found lacking. */
    public record Finding(Check check, Kind kind, UUID id, UUID goalId, Bilingual title) {}

    /** A check with what it found (nothing: passed); {@code limit} is the number the focus check allows. */
    public record Line(Check check, List<Finding> findings, int limit) {

        public boolean passed() {
            return findings.isEmpty();
        }
    }

    private final ImprovementPlans improvementPlans;

    PlanReview(ImprovementPlans improvementPlans) {
        this.improvementPlans = improvementPlans;
    }

    /**
     * The checklist of a plan read as {@code tree}, with every check, passed or not; {@code improvement} says whether
     * it is an improvement plan (the caller has read its link already).
     */
    public List<Line> review(UUID districtId, PlanTree tree, boolean improvement) {
        List<UUID> actions = tree.goals().stream()
                .flatMap(goal -> goal.strategies().stream())
                .map(branch -> branch.strategy().id())
                .toList();
        Map<UUID, ActionDetail> details = improvement ? improvementPlans.details(districtId, actions) : Map.of();
        Set<UUID> costed = improvement
                ? improvementPlans.costs(districtId, actions).stream()
                        .filter(cost -> cost.amount().signum() > 0)
                        .map(cost -> cost.strategyId())
                        .collect(java.util.stream.Collectors.toSet())
                : Set.of();
        return lines(tree, improvement, details, costed);
    }

    /** How many findings the checklist has: what the plan page counts. */
    public static int count(Collection<Line> lines) {
        return lines.stream().mapToInt(line -> line.findings().size()).sum();
    }

    /**
     * The checklist from what it reads: the tree, whether it is an improvement plan, its actions' details and the
     * actions with a cost above zero.
     */
    static List<Line> lines(PlanTree tree, boolean improvement, Map<UUID, ActionDetail> details, Set<UUID> costed) {
        int limit = tree.plan().districtPlan() ? DISTRICT_GOALS : SCHOOL_GOALS;
        List<Line> lines = new ArrayList<>();
        for (Check check : Check.values()) {
            if (check.aboutActionDetails() && !improvement) {
                continue;
            }
            lines.add(new Line(check, findings(check, tree, details, costed, limit), limit));
        }
        return lines;
    }

    private static List<Finding> findings(
            Check check, PlanTree tree, Map<UUID, ActionDetail> details, Set<UUID> costed, int limit) {
        List<Finding> found = new ArrayList<>();
        if (check == Check.FOCUS) {
            if (tree.goals().size() > limit) {
                found.add(new Finding(
                        check,
                        Kind.PLAN,
                        tree.plan().id(),
                        null,
                        new Bilingual(tree.plan().title(), null)));
            }
            return found;
        }
        for (PlanTree.GoalBranch goal : tree.goals()) {
            UUID goalId = goal.goal().id();
            if (check == Check.GOAL_WITHOUT_OUTCOME && goal.outcomes().isEmpty()) {
                found.add(new Finding(
                        check, Kind.GOAL, goalId, goalId, goal.goal().titles()));
            }
            for (PlanTree.OutcomeBranch outcome : goal.outcomes()) {
                if (check == Check.OUTCOME_WITHOUT_KPI && outcome.indicators().isEmpty()) {
                    found.add(new Finding(
                            check,
                            Kind.OUTCOME,
                            outcome.outcome().id(),
                            goalId,
                            outcome.outcome().titles()));
                }
                for (Indicator kpi : outcome.indicators()) {
                    if ((check == Check.KPI_WITHOUT_TARGET && !kpi.targeted())
                            || (check == Check.KPI_WITHOUT_OWNER && kpi.ownerId() == null)) {
                        found.add(new Finding(check, Kind.KPI, kpi.id(), goalId, kpi.names()));
                    }
                }
            }
            for (PlanTree.StrategyBranch branch : goal.strategies()) {
                Strategy action = branch.strategy();
                ActionDetail detail = details.getOrDefault(action.id(), ActionDetail.empty(action.id()));
                boolean lacking = switch (check) {
                    case ACTION_WITHOUT_OWNER -> action.ownerId() == null;
                    case ACTION_WITHOUT_DATES -> detail.start() == null || detail.end() == null;
                    case ACTION_WITHOUT_COST -> !costed.contains(action.id());
                    case ACTION_WITHOUT_IMPACT_EVIDENCE -> blank(detail.impactEvidence());
                    default -> false;
                };
                if (lacking) {
                    found.add(new Finding(check, Kind.ACTION, action.id(), goalId, action.titles()));
                }
            }
        }
        return found;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
