package org.lodestar.planning;

import java.util.UUID;

/**
 * A strategy was removed from its goal on its own (a removed goal publishes {@link GoalRemoved} instead). The row stays,
 * marked removed, so that the projects of the execution module under it keep pointing at it.
 *
 * @param actor who removed it, for the audit entries listeners write
 */
public record StrategyRemoved(UUID districtId, UUID strategyId, UUID goalId, String title, String actor) {}
