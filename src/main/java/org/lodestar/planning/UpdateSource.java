package org.lodestar.planning;

import java.util.Map;
import java.util.UUID;

/**
 * Says how fresh the items of a plan's tree are. Planning declares it and the execution module (which keeps check-ins
 * and cadences) implements it, so that the plan page shows freshness while planning depends on nothing that depends on
 * it.
 */
public interface UpdateSource {

    /** The freshness of the tree's actions, projects and KPIs, by item id; items it knows nothing of are left out. */
    Map<UUID, ItemUpdate> updates(UUID districtId, PlanTree tree);
}
