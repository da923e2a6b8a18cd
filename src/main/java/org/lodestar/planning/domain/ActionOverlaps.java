package org.lodestar.planning.domain;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.insights.InsightsApi;
import org.lodestar.insights.SimilarPair;
import org.lodestar.insights.Text;
import org.lodestar.planning.ActionCost;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.Strategy;
import org.lodestar.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Actions of a school year's improvement plans (the district's and the schools', across funds) that say the same thing
 * in other words, found by meaning ({@link InsightsApi}), each pair with both actions' plans and costs.
 */
@Service
@Transactional(readOnly = true)
public class ActionOverlaps {

    private final ImprovementPlans improvement;
    private final PlanStore plans;
    private final StrategyStore strategies;
    private final ImprovementStore store;
    private final InsightsApi insights;
    private final PlanAccess access;
    private final MergeStore copies;

    ActionOverlaps(
            ImprovementPlans improvement,
            PlanStore plans,
            StrategyStore strategies,
            ImprovementStore store,
            InsightsApi insights,
            PlanAccess access,
            MergeStore copies) {
        this.improvement = improvement;
        this.plans = plans;
        this.strategies = strategies;
        this.store = store;
        this.insights = insights;
        this.access = access;
        this.copies = copies;
    }

    /** One action of a pair: its title, plan (and the plan's school, null: the district's), total cost and version. */
    public record Side(Strategy action, PlanSummary plan, BigDecimal cost) {}

    /** Two actions that say the same thing, and whether the reader may merge them (may change both plans). */
    public record Overlap(Side first, Side second, double similarity, boolean mergeable) {

        public List<Side> sides() {
            return List.of(first, second);
        }

        public int percent() {
            return (int) Math.round(similarity * 100);
        }
    }

    /** The overlaps found and what was compared: the year, and the plan asked about (null: every plan of the year). */
    public record Overlaps(
            int schoolYear, PlanSummary plan, List<PlanSummary> plans, int actionCount, List<Overlap> pairs) {}

    /** Every overlap among the improvement plans of a school year, most alike first. */
    public Overlaps ofYear(SignedInUser user, int schoolYear) {
        return scan(user, schoolYear, null);
    }

    /**
     * The overlaps of one improvement plan: its actions that say what another of its actions, or an action of another
     * improvement plan of its year, says.
     */
    public Overlaps ofPlan(SignedInUser user, UUID planId) {
        PlanSummary plan = plans.plan(user.districtId(), planId)
                .filter(found -> found.kind() == PlanKind.IMPROVEMENT)
                .orElseThrow(() -> new NotFoundException("plan"));
        return scan(user, plan.firstYear(), plan);
    }

    private Overlaps scan(SignedInUser user, int schoolYear, PlanSummary only) {
        UUID districtId = user.districtId();
        List<PlanSummary> year = improvement.ofYear(districtId, schoolYear);
        Map<UUID, PlanSummary> byId = new HashMap<>();
        year.forEach(plan -> byId.put(plan.id(), plan));
        List<Strategy> actions = year.isEmpty() ? List.of() : strategies.ofPlans(districtId, byId.keySet());
        Map<UUID, Strategy> actionById = new HashMap<>();
        actions.forEach(action -> actionById.put(action.id(), action));
        Map<UUID, BigDecimal> costs = new HashMap<>();
        for (ActionCost cost : store.costs(districtId, actionById.keySet())) {
            costs.merge(cost.strategyId(), cost.amount(), BigDecimal::add);
        }
        List<Text> texts = actions.stream()
                .map(action -> new Text(action.id(), action.title()))
                .toList();
        Map<UUID, UUID> takenFrom = copies.takenFrom(districtId, actionById.keySet());
        List<Overlap> pairs = insights.similarPairs(texts, InsightsApi.SAME_MEANING).stream()
                // two plans' copies of one strategic strategy carry it out at two levels: by design, not an overlap
                .filter(pair -> takenFrom.get(pair.first()) == null
                        || !takenFrom.get(pair.first()).equals(takenFrom.get(pair.second())))
                .map(pair -> overlap(user, pair, actionById, byId, costs))
                .filter(pair -> only == null
                        || pair.first().plan().id().equals(only.id())
                        || pair.second().plan().id().equals(only.id()))
                .toList();
        return new Overlaps(schoolYear, only, year, actions.size(), pairs);
    }

    private Overlap overlap(
            SignedInUser user,
            SimilarPair pair,
            Map<UUID, Strategy> actions,
            Map<UUID, PlanSummary> plans,
            Map<UUID, BigDecimal> costs) {
        Side first = side(actions.get(pair.first()), plans, costs);
        Side second = side(actions.get(pair.second()), plans, costs);
        return new Overlap(
                first,
                second,
                pair.similarity(),
                access.canEdit(user, first.plan()) && access.canEdit(user, second.plan()));
    }

    private static Side side(Strategy action, Map<UUID, PlanSummary> plans, Map<UUID, BigDecimal> costs) {
        return new Side(action, plans.get(action.planId()), costs.getOrDefault(action.id(), BigDecimal.ZERO));
    }
}
