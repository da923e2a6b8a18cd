package org.lodestar.planning.domain;

import java.util.UUID;

/**
 * A change to an item of the tree, made from the item as it was at {@code version}.
 *
 * @param titleTranslation the title in the other language than the district's, null when not translated
 * @param published ignored for the tiers that are not published on their own
 */
public record ItemChange(String title, String titleTranslation, UUID ownerId, boolean published, int version) {

    public ItemChange {
        titleTranslation = titleTranslation == null || titleTranslation.isBlank() ? null : titleTranslation.strip();
    }
}
