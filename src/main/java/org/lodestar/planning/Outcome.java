package org.lodestar.planning;

import java.util.UUID;

/**
 * A measurable result a goal aims at; measures' KPIs hang under it.
 *
 * @param titleTranslation the title in the other language than the district's, or null
 * @param version raised by every save, so a save made from an older reading is refused (optimistic locking)
 */
public record Outcome(
        UUID id,
        UUID goalId,
        UUID planId,
        String title,
        String titleTranslation,
        UUID ownerId,
        int position,
        int version) {

    /** The title in both languages, to be shown in the reader's. */
    public org.lodestar.shared.Bilingual titles() {
        return new org.lodestar.shared.Bilingual(title, titleTranslation);
    }
}
