package org.lodestar.planning;

import java.util.UUID;

/**
 * The top tier of a plan: a one-sentence aim, shown on the public scorecard once published.
 *
 * @param title the title in the district's language
 * @param titleTranslation the title in the other language, or null
 * @param version raised by every save, so a save made from an older reading is refused (optimistic locking)
 */
public record Goal(
        UUID id,
        UUID planId,
        String title,
        String titleTranslation,
        String description,
        UUID ownerId,
        int position,
        boolean published,
        int version) {

    /** The title in both languages, to be shown in the reader's. */
    public org.lodestar.shared.Bilingual titles() {
        return new org.lodestar.shared.Bilingual(title, titleTranslation);
    }
}
