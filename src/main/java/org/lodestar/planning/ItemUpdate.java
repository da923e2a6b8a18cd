package org.lodestar.planning;

import java.time.Instant;

/**
 * When an item of a plan's tree (an action, project or KPI) was last updated and whether it is behind the cadence its
 * tier is updated at, as the module that runs updates judges it.
 *
 * @param lastUpdated null when never updated
 * @param daysSince days since the last update, -1 when never updated
 * @param behind past its cadence (or never updated while its tier expects updates) in a plan being carried out
 */
public record ItemUpdate(Instant lastUpdated, long daysSince, boolean behind) {

    public boolean neverUpdated() {
        return lastUpdated == null;
    }
}
