package org.lodestar.planning;

import java.util.UUID;

/**
 * An outcome was removed from its goal on its own (a removed goal publishes {@link GoalRemoved} instead). The row stays,
 * marked removed.
 *
 * @param actor who removed it, for the audit entries listeners write
 */
public record OutcomeRemoved(UUID districtId, UUID outcomeId, UUID goalId, String title, String actor) {}
