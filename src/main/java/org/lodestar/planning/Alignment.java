package org.lodestar.planning;

import java.util.UUID;

/**
 * A school goal taken up from a district goal, with the school's reason.
 *
 * @param version raised by every change of the reason, so a change made from an older reading is refused
 */
public record Alignment(UUID schoolGoalId, UUID districtGoalId, String rationale, int version) {

    /** A new alignment, not saved yet. */
    public Alignment(UUID schoolGoalId, UUID districtGoalId, String rationale) {
        this(schoolGoalId, districtGoalId, rationale, 0);
    }
}
