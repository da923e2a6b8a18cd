package org.lodestar.needs;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A cell of a metric's table (a school or the district, by a student group) as it may be shared outside the planning
 * team: a hidden cell carries neither its value nor its n.
 *
 * @param schoolId the school, or null for the district
 * @param schoolName the school's name, or the district's
 * @param groupCode {@code ALL} or a student group code
 * @param value the value (a percent kept as a percent), null when hidden
 * @param n the students behind it, null when hidden or unknown
 * @param hidden whether it is suppressed: its own n is under the district's minimum n (or unknown), or showing it
 *     would let a hidden cell be worked out from a total ({@link #reasonKey()})
 */
public record SharedCell(
        UUID schoolId, String schoolName, String groupCode, BigDecimal value, Integer n, boolean hidden) {

    /** The message key saying why a cell is hidden, or null when it is shown. */
    public String reasonKey() {
        return hidden ? "needs.shared.hidden" : null;
    }
}
