package org.lodestar.planning.domain;

import java.util.UUID;

/**
 * A change to an item of the tree, made from the item as it was at {@code version}.
 *
 * @param published ignored for the tiers that are not published on their own
 */
public record ItemChange(String title, UUID ownerId, boolean published, int version) {}
