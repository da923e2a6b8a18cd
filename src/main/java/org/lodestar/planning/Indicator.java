package org.lodestar.planning;

import java.util.UUID;

/**
 * A measure shown under an outcome in a plan's tree, supplied by whichever module tracks measures.
 *
 * @param nameTranslation the name in the other language than the district's, or null
 * @param status one of ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA
 * @param ownerId who answers for the measure, or null when nobody was named
 * @param targeted whether a target is set for any year
 */
public record Indicator(
        UUID id,
        UUID outcomeId,
        String name,
        String nameTranslation,
        String status,
        String latest,
        String target,
        UUID ownerId,
        boolean targeted) {

    /** The name in both languages, to be shown in the reader's. */
    public org.lodestar.shared.Bilingual names() {
        return new org.lodestar.shared.Bilingual(name, nameTranslation);
    }
}
