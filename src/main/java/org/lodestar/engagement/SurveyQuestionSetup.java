package org.lodestar.engagement;

import java.util.List;

/**
 * A question as a planner writes it, in English and Spanish.
 *
 * @param optionsEn the options of a choice question (empty for the other kinds), in the same order as {@code optionsEs}
 * @param scaleMax a rating's scale: 5 (1 to 5) or 10 (0 to 10); null for other kinds
 */
public record SurveyQuestionSetup(
        SurveyQuestionKind kind,
        String textEn,
        String textEs,
        List<String> optionsEn,
        List<String> optionsEs,
        Integer scaleMax) {

    public SurveyQuestionSetup {
        optionsEn = List.copyOf(optionsEn);
        optionsEs = List.copyOf(optionsEs);
    }
}
