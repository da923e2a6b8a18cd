package org.lodestar.planning;

import java.util.List;
import java.util.UUID;

/**
 * A goal was removed from its plan, and with it the outcomes and strategies under it. Planning keeps the rows (marked
 * removed), so modules that point at them (measures' KPIs, execution's projects) keep working and decide for
 * themselves what removal means to them.
 *
 * @param planId the plan the goal was in, so that what listeners archive with it is in that plan's history (null in an
 *     event stored before it was carried)
 * @param outcomeIds the outcomes removed with the goal (not those removed earlier on their own)
 * @param strategyIds the strategies removed with the goal (not those removed earlier on their own)
 * @param actor who removed it, for the audit entries listeners write
 */
public record GoalRemoved(
        UUID districtId,
        UUID goalId,
        UUID planId,
        String title,
        List<UUID> outcomeIds,
        List<UUID> strategyIds,
        String actor) {

    public GoalRemoved {
        outcomeIds = List.copyOf(outcomeIds);
        // an event stored before strategies were removed with their goal has none
        strategyIds = strategyIds == null ? List.of() : List.copyOf(strategyIds);
    }
}
