package org.lodestar.engagement.surveys;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lodestar.directory.SignedInUser;
import org.lodestar.needs.Assessment;
import org.lodestar.needs.AssessmentWork;
import org.lodestar.needs.AssessmentWorkSource;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells an assessment's page of the surveys tied to it (title in the reader's language, state and responses), and where
 * to make one, for whoever may work on its surveys (planners, and the leader of the assessment's school).
 */
@Component
class SurveyWork implements AssessmentWorkSource {

    private final SurveyEditing surveys;
    private final MessageSource messages;

    SurveyWork(SurveyEditing surveys, MessageSource messages) {
        this.surveys = surveys;
        this.messages = messages;
    }

    @Override
    public List<AssessmentWork> about(SignedInUser reader, Assessment assessment, Locale locale) {
        if (!SurveyEditing.buildsSurveys(reader)) {
            return List.of();
        }
        List<AssessmentWork> work = new ArrayList<>();
        for (SurveyStore.Listed listed : surveys.surveys(reader)) {
            Survey survey = listed.survey();
            if (assessment.id().equals(survey.assessmentId())) {
                work.add(new AssessmentWork(
                        messages.getMessage(
                                "assessmentWork.survey", new Object[] {survey.title(locale.getLanguage())}, locale),
                        messages.getMessage(
                                "assessmentWork.survey.state",
                                new Object[] {
                                    messages.getMessage(
                                            "survey.state." + survey.state().name(), null, locale),
                                    listed.responses()
                                },
                                locale),
                        "/surveys/" + survey.id()));
            }
        }
        if (work.isEmpty()) {
            work.add(new AssessmentWork(
                    messages.getMessage("assessmentWork.surveys", null, locale),
                    messages.getMessage("assessmentWork.surveys.none", null, locale),
                    "/surveys"));
        }
        return work;
    }
}
