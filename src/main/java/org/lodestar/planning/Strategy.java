package org.lodestar.planning;

import java.util.UUID;

/**
 * A strategic action that carries out a goal; execution's projects hang under it.
 *
 * @param version raised by every save, so a save made from an older reading is refused (optimistic locking)
 */
public record Strategy(UUID id, UUID goalId, UUID planId, String title, UUID ownerId, int position, int version) {}
