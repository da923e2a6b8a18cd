package org.lodestar.planning;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Supplies the projects under strategies, in their order. Planning declares it and the execution module implements
 * it, so that plan pages show projects while planning depends on nothing that depends on it.
 */
public interface ProjectSource {

    List<PlannedProject> projects(UUID districtId, Collection<UUID> strategyIds);
}
