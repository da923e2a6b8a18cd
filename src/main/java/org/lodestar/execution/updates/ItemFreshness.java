package org.lodestar.execution.updates;

import java.time.Instant;
import java.time.LocalDate;
import org.lodestar.execution.checkin.CheckInStatus;
import org.lodestar.execution.checkin.TrackedItem;

/**
 * How fresh an item is: when it was last updated (its latest check-in, or for a KPI a recorded value if later), the
 * status its latest check-in gave, and when the next update is due by its tier's cadence.
 *
 * @param lastUpdated null when never updated
 * @param lastStatus null when nobody checked in on it yet
 * @param due the day the next update is due (for an item never updated: the start of the cadence's current period);
 *     null when its cadence is off
 * @param daysSince days since the last update, -1 when never updated
 */
public record ItemFreshness(
        TrackedItem item,
        Instant lastUpdated,
        CheckInStatus lastStatus,
        Cadence cadence,
        LocalDate due,
        long daysSince,
        boolean behind) {

    public boolean neverUpdated() {
        return lastUpdated == null;
    }
}
