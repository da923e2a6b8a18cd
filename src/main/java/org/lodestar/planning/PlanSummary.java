package org.lodestar.planning;

import java.util.UUID;

/**
 * A plan as lists show it. {@code schoolId} is null for the district's own plans.
 *
 * @param version raised by every save, so a save made from an older reading is refused (ignored for a new plan)
 */
public record PlanSummary(
        UUID id,
        UUID schoolId,
        PlanKind kind,
        String title,
        int firstYear,
        int lastYear,
        String vision,
        String mission,
        String coreValues,
        PlanStatus status,
        int version) {

    public boolean districtPlan() {
        return schoolId == null;
    }

    public String years() {
        return new org.lodestar.shared.SchoolYear(firstYear) + " – " + new org.lodestar.shared.SchoolYear(lastYear);
    }
}
