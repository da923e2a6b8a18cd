package org.lodestar.planning;

import java.util.Map;
import java.util.UUID;

/**
 * What the annual evaluations of a strategic plan found of its goals and actions, for starting the next cycle from what
 * the last one proved. Planning declares it and the execution module (which keeps the evaluations) implements it, so
 * planning depends on nothing that depends on it.
 */
public interface CycleFindings {

    /**
     * What the latest completed annual evaluation that decided an item said of it.
     *
     * @param verdict {@code MET}, {@code PARTLY_MET} or {@code NOT_MET} for a goal; {@code CONTINUE}, {@code REVISE} or
     *     {@code STOP} for an action
     * @param schoolYear the school year evaluated
     * @param note the evaluator's note or reason, null when none
     */
    record Finding(String verdict, int schoolYear, String note) {

        /** A goal met or partly met, an action continued or revised: what the cycle proved worth carrying on. */
        public boolean proved() {
            return "MET".equals(verdict)
                    || "PARTLY_MET".equals(verdict)
                    || "CONTINUE".equals(verdict)
                    || "REVISE".equals(verdict);
        }

        /** The school year evaluated, to be written as 2025-26. */
        public org.lodestar.shared.SchoolYear year() {
            return new org.lodestar.shared.SchoolYear(schoolYear);
        }
    }

    /** The findings by goal or action id of the plan; an item no completed evaluation decided is absent. */
    Map<UUID, Finding> of(UUID districtId, UUID strategicPlanId);
}
