package org.lodestar.engagement.surveys;

import java.util.Collections;
import java.util.List;
import org.lodestar.engagement.SurveyQuestionKind;
import org.lodestar.engagement.SurveyQuestionSetup;

/** A question as its form sends it: the options one a line. */
public record SurveyQuestionForm(
        SurveyQuestionKind kind, String textEn, String textEs, String optionsEn, String optionsEs, Integer scaleMax) {

    static SurveyQuestionForm empty() {
        return new SurveyQuestionForm(SurveyQuestionKind.LIKERT, null, null, null, null, 5);
    }

    static SurveyQuestionForm of(SurveyQuestion question) {
        return new SurveyQuestionForm(
                question.kind(),
                question.textEn(),
                question.textEs(),
                String.join("\n", question.optionsEn()),
                String.join("\n", question.optionsEs()),
                question.scaleMax());
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
