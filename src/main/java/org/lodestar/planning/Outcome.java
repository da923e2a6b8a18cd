package org.lodestar.planning;

import java.util.UUID;

/**
 * A measurable result a goal aims at; measures' KPIs hang under it.
 *
 * @param version raised by every save, so a save made from an older reading is refused (optimistic locking)
 */
public record Outcome(UUID id, UUID goalId, UUID planId, String title, UUID ownerId, int position, int version) {}
