package org.lodestar.planning;

import java.util.List;

/**
 * The colour of a goal from the statuses of its KPIs: the worst status among KPIs that have data, so that one KPI off
 * track is never hidden by others on track; no data when none has any.
 */
public final class RollUp {

    private static final List<String> WORST_FIRST = List.of("OFF_TRACK", "AT_RISK", "ON_TRACK");

    private RollUp() {}

    public static String of(List<String> statuses) {
        for (String status : WORST_FIRST) {
            if (statuses.contains(status)) {
                return status;
            }
        }
        return "NO_DATA";
    }
}
