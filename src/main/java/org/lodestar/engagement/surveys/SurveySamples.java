package org.lodestar.engagement.surveys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.engagement.SurveyQuestionSetup;
import org.lodestar.engagement.SurveySampleResponse;
import org.lodestar.engagement.SurveySetup;
import org.lodestar.engagement.SurveyState;
import org.lodestar.shared.ForbiddenException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the engagement facade offers of surveys to other modules: a survey built in one step, and responses entered for
 * a sample district (the demo), checked as the public form's are.
 */
@Service
public class SurveySamples {

    private final SurveyEditing editing;
    private final SurveyStore store;
    private final SurveyAnswering answering;
    private final DirectoryApi directory;

    SurveySamples(SurveyEditing editing, SurveyStore store, SurveyAnswering answering, DirectoryApi directory) {
        this.editing = editing;
        this.store = store;
        this.answering = answering;
        this.directory = directory;
    }

    @Transactional
    public UUID build(SignedInUser user, SurveySetup setup, List<SurveyQuestionSetup> questions, boolean open) {
        UUID id = editing.create(user, setup);
        questions.forEach(question -> editing.addQuestion(user, id, question));
        if (open) {
            editing.setState(user, id, SurveyState.OPEN);
        }
        return id;
    }

    /** Enters responses of a sample district's survey; refused for a real district. */
    @Transactional
    public int addSampleResponses(SignedInUser user, UUID surveyId, List<SurveySampleResponse> responses) {
        Survey survey = editing.survey(user, surveyId);
        ForbiddenException.unless(directory.district(user.districtId()).sampleData());
        List<SurveyQuestion> questions = store.questions(survey.districtId(), surveyId);
        List<SurveyAnswering.Prepared> prepared = new ArrayList<>();
        for (SurveySampleResponse response : responses) {
            Map<String, List<String>> answers = new HashMap<>();
            response.choices()
                    .forEach((position, values) -> answers.put(
                            questions.get(position).code(),
                            values.stream().map(String::valueOf).toList()));
            response.texts()
                    .forEach((position, text) ->
                            answers.put(questions.get(position).code(), List.of(text)));
            Map<String, String> problems = new LinkedHashMap<>();
            SurveyAnswering.Prepared one = SurveyAnswering.prepare(
                    survey,
                    questions,
                    response.language(),
                    response.audience().name(),
                    answers,
                    null,
                    "SAMPLE",
                    response.submittedAt(),
                    problems);
            if (one == null) {
                throw new IllegalArgumentException("a sample response is refused: " + problems);
            }
            prepared.add(one);
        }
        answering.save(survey, prepared);
        return prepared.size();
    }
}
