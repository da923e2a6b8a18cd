package org.lodestar.planning;

import java.util.UUID;

/**
 * A plan as lists show it. {@code schoolId} is null for the district's own plans.
 *
 * @param translation the plan's texts in the other language than the district's (each null when not translated)
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
        PlanTranslation translation,
        PlanStatus status,
        int version) {

    public PlanSummary {
        translation = translation == null ? PlanTranslation.NONE : translation;
    }

    public org.lodestar.shared.Bilingual titles() {
        return new org.lodestar.shared.Bilingual(title, translation.title());
    }

    public org.lodestar.shared.Bilingual visions() {
        return new org.lodestar.shared.Bilingual(vision, translation.vision());
    }

    public org.lodestar.shared.Bilingual missions() {
        return new org.lodestar.shared.Bilingual(mission, translation.mission());
    }

    public org.lodestar.shared.Bilingual coreValueTexts() {
        return new org.lodestar.shared.Bilingual(coreValues, translation.coreValues());
    }

    public boolean districtPlan() {
        return schoolId == null;
    }

    /** The school years it covers: one for an improvement plan, a range for a strategic plan. */
    public String years() {
        if (firstYear == lastYear) {
            return new org.lodestar.shared.SchoolYear(firstYear).toString();
        }
        return new org.lodestar.shared.SchoolYear(firstYear) + " – " + new org.lodestar.shared.SchoolYear(lastYear);
    }

    /** The title of next year's plan: this one's with its school year moved on ("2025-26" to "2026-27"), else added. */
    public String nextYearTitle() {
        String now = new org.lodestar.shared.SchoolYear(firstYear).toString();
        String next = new org.lodestar.shared.SchoolYear(firstYear + 1).toString();
        return title.contains(now) ? title.replace(now, next) : title + " " + next;
    }
}
