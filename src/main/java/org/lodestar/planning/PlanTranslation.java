package org.lodestar.planning;

/**
 * A plan's texts in the other language than the district's, each null when nobody translated it.
 */
public record PlanTranslation(String title, String vision, String mission, String coreValues) {

    public static final PlanTranslation NONE = new PlanTranslation(null, null, null, null);

    public PlanTranslation {
        title = blankToNull(title);
        vision = blankToNull(vision);
        mission = blankToNull(mission);
        coreValues = blankToNull(coreValues);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
