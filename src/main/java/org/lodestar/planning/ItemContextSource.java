package org.lodestar.planning;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Tells what other modules link to a plan's goals and actions (the needs they answer, the conversations they came
 * from). Planning declares it; the needs and engagement modules implement it, so that goal and action pages show those
 * links while planning depends on neither.
 */
public interface ItemContextSource {

    /** What links to the given goals and actions of the district; items nothing links to are left out. */
    List<ItemContext> about(UUID districtId, Collection<UUID> itemIds);
}
