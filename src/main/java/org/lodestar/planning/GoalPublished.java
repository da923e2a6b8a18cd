package org.lodestar.planning;

import java.util.UUID;

/**
 * A district goal was put on the public scorecard ({@code published} true) or taken off it (false), so that modules
 * showing public data can follow.
 */
public record GoalPublished(UUID districtId, UUID goalId, boolean published, String actor) {}
