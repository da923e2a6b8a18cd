package org.lodestar.engagement;

import java.util.List;
import java.util.UUID;

/**
 * A theme of a comment set, as other modules and the demo see it: no comment's text.
 *
 * @param representatives the ids of its (up to three) most representative comments shown now
 * @param version raised by every change, so an edit made from an older reading is refused
 */
public record ThemeSummary(UUID id, UUID setId, String label, int size, List<UUID> representatives, int version) {}
