package org.lodestar.planning;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Supplies the indicators (KPIs) under outcomes. Planning declares it and the measures module implements it, so that
 * plan pages show KPI status while planning depends on nothing that depends on it.
 */
public interface IndicatorSource {

    List<Indicator> indicators(UUID districtId, Collection<UUID> outcomeIds);
}
