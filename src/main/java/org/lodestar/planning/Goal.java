package org.lodestar.planning;

import java.util.UUID;

/**
 * The top tier of a plan: a one-sentence aim, shown on the public scorecard once published.
 *
 * @param version raised by every save, so a save made from an older reading is refused (optimistic locking)
 */
public record Goal(
        UUID id,
        UUID planId,
        String title,
        String description,
        UUID ownerId,
        int position,
        boolean published,
        int version) {}
