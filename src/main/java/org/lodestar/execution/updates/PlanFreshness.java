package org.lodestar.execution.updates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.execution.checkin.ItemKind;
import org.lodestar.execution.checkin.ItemRef;
import org.lodestar.execution.checkin.TrackedItem;
import org.lodestar.execution.checkin.TrackedItems;
import org.lodestar.planning.ItemUpdate;
import org.lodestar.planning.PlanTree;
import org.lodestar.planning.PlannedProject;
import org.lodestar.planning.UpdateSource;
import org.springframework.stereotype.Component;

/**
 * How fresh the actions, projects and KPIs of a plan's tree are, for the plan page: when each was last updated and, in
 * a plan being carried out, whether it is behind its cadence (a plan of years gone, or archived, is behind on nothing;
 * nor is a project done).
 */
@Component
class PlanFreshness implements UpdateSource {

    private final Freshness freshness;
    private final TrackedItems items;

    PlanFreshness(Freshness freshness, TrackedItems items) {
        this.freshness = freshness;
        this.items = items;
    }

    @Override
    public Map<UUID, ItemUpdate> updates(UUID districtId, PlanTree tree) {
        List<TrackedItem> tracked = new ArrayList<>();
        for (PlanTree.GoalBranch goal : tree.goals()) {
            goal.outcomes()
                    .forEach(outcome -> outcome.indicators().forEach(kpi -> tracked.add(item(ItemKind.KPI, kpi.id()))));
            for (PlanTree.StrategyBranch strategy : goal.strategies()) {
                tracked.add(item(ItemKind.ACTION, strategy.strategy().id()));
                strategy.projects().stream()
                        .filter(project -> !project.done())
                        .map(PlannedProject::id)
                        .forEach(project -> tracked.add(item(ItemKind.PROJECT, project)));
            }
        }
        if (tracked.isEmpty()) {
            return Map.of();
        }
        boolean carriedOut = items.carriedOut(districtId, tree.plan());
        Map<UUID, ItemUpdate> updates = new HashMap<>();
        for (ItemFreshness item : freshness.of(districtId, tracked)) {
            updates.put(
                    item.item().ref().id(),
                    new ItemUpdate(item.lastUpdated(), item.daysSince(), carriedOut && item.behind()));
        }
        return updates;
    }

    private static TrackedItem item(ItemKind kind, UUID id) {
        return new TrackedItem(new ItemRef(kind, id), null, null, null, null);
    }
}
