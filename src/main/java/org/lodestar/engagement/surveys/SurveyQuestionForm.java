package org.lodestar.engagement.surveys;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lodestar.engagement.SurveyQuestionKind;
import org.lodestar.engagement.SurveyQuestionSetup;

/**
 * A question as its form sends it: the options one a line.
 *
 * @param version the survey's version the form was drawn at (a save from an older one is refused)
 */
public record SurveyQuestionForm(
        SurveyQuestionKind kind,
        String textEn,
        String textEs,
        String optionsEn,
        String optionsEs,
        Integer scaleMax,
        Integer version) {

    static SurveyQuestionForm empty() {
        return new SurveyQuestionForm(SurveyQuestionKind.LIKERT, null, null, null, null, 5, null);
    }

    static SurveyQuestionForm of(SurveyQuestion question) {
        return new SurveyQuestionForm(
                question.kind(),
                question.textEn(),
                question.textEs(),
                String.join("\n", question.optionsEn()),
                String.join("\n", question.optionsEs()),
                question.scaleMax(),
                null);
    }

    /** The texts as the conflict table compares them, by their labels' message keys. */
    Map<String, String> shown() {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("survey.question.textEn", textEn);
        shown.put("survey.question.textEs", textEs);
        shown.put("survey.question.optionsEn", optionsEn == null ? null : String.join(" / ", lines(optionsEn)));
        shown.put("survey.question.optionsEs", optionsEs == null ? null : String.join(" / ", lines(optionsEs)));
        return shown;
    }

    SurveyQuestionSetup setup() {
        return new SurveyQuestionSetup(kind, textEn, textEs, lines(optionsEn), lines(optionsEs), scaleMax);
    }

    private static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        if (text.length() > 10_000) {
            // bounded before splitting: a pasted book is refused as too many options, not split into a million
            return Collections.nCopies(SurveyEditing.MAX_OPTIONS + 1, "-");
        }
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
