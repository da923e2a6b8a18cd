package org.lodestar.engagement.surveys;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.lodestar.engagement.SurveyQuestionKind;

/**
 * A question of a survey, in English and Spanish.
 *
 * @param code what an imported file's header may call it (q1, q2, ...)
 * @param scaleMax a rating's scale (5: 1 to 5, 10: 0 to 10), else null
 */
public record SurveyQuestion(
        UUID id,
        int position,
        String code,
        SurveyQuestionKind kind,
        String textEn,
        String textEs,
        List<String> optionsEn,
        List<String> optionsEs,
        Integer scaleMax) {

    public static final int LIKERT_POINTS = 5;

    public SurveyQuestion {
        optionsEn = List.copyOf(optionsEn);
        optionsEs = List.copyOf(optionsEs);
    }

    public String text(String language) {
        return "es".equals(language) ? textEs : textEn;
    }

    public List<String> options(String language) {
        return "es".equals(language) ? optionsEs : optionsEn;
    }

    /** The values an answer may take: Likert 1-5, a rating's scale, or the options' indexes; none for open text. */
    public List<Integer> values() {
        return switch (kind) {
            case LIKERT -> IntStream.rangeClosed(1, LIKERT_POINTS).boxed().toList();
            case RATING ->
                IntStream.rangeClosed(scaleMax == 10 ? 0 : 1, scaleMax).boxed().toList();
            case SINGLE, MULTIPLE ->
                IntStream.range(0, optionsEn.size()).boxed().toList();
            case OPEN -> List.of();
        };
    }

    public boolean isOpen() {
        return kind == SurveyQuestionKind.OPEN;
    }

    public boolean isChoice() {
        return kind == SurveyQuestionKind.SINGLE || kind == SurveyQuestionKind.MULTIPLE;
    }
}
