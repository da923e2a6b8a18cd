package org.lodestar.planning;

import java.util.UUID;

/**
 * A measure shown under an outcome in a plan's tree, supplied by whichever module tracks measures.
 *
 * @param status one of ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA
 */
public record Indicator(UUID id, UUID outcomeId, String name, String status, String latest, String target) {}
