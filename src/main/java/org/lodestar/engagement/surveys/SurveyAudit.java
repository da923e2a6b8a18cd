package org.lodestar.engagement.surveys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lodestar.directory.SignedInUser;
import org.lodestar.engagement.SurveyState;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Survey edits as the audit log records them (in the caller's transaction): the survey's own changes under its id, a
 * question's under the question's id belonging to the survey ({@link AuditableChange#within}), so that the survey's
 * History lists both. Only what planners and leaders wrote is recorded; no response and no comment ever is.
 */
@Component
class SurveyAudit {

    static final String SURVEY = "Survey";
    static final String QUESTION = "SurveyQuestion";

    private final ApplicationEventPublisher events;

    SurveyAudit(ApplicationEventPublisher events) {
        this.events = events;
    }

    void created(SignedInUser user, Survey survey, String assessmentTitle) {
        events.publishEvent(AuditableChange.created(
                user.districtId(),
                user.email(),
                SURVEY,
                survey.id(),
                survey.titleEn(),
                details(survey, assessmentTitle)));
    }

    void changed(SignedInUser user, Survey before, String assessmentBefore, Survey after, String assessmentAfter) {
        surveyUpdated(user, after, details(before, assessmentBefore), details(after, assessmentAfter));
    }

    void state(SignedInUser user, Survey survey, SurveyState to) {
        surveyUpdated(
                user,
                survey,
                Map.of("history.field.surveyState", AuditValue.choice("survey.state.", survey.state())),
                Map.of("history.field.surveyState", AuditValue.choice("survey.state.", to)));
    }

    void imported(SignedInUser user, Survey survey, int responses) {
        surveyUpdated(user, survey, Map.of(), Map.of("history.field.surveyImported", AuditValue.number(responses)));
    }

    private void surveyUpdated(
            SignedInUser user, Survey survey, Map<String, Object> before, Map<String, Object> after) {
        events.publishEvent(AuditableChange.updated(
                user.districtId(), user.email(), SURVEY, survey.id(), survey.titleEn(), before, after));
    }

    void questionAdded(SignedInUser user, Survey survey, SurveyQuestion question) {
        events.publishEvent(AuditableChange.created(
                        user.districtId(), user.email(), QUESTION, question.id(), question.textEn(), question(question))
                .within(survey.id()));
    }

    void questionChanged(SignedInUser user, Survey survey, SurveyQuestion before, SurveyQuestion after) {
        questionUpdated(user, survey, after, question(before), question(after));
    }

    /** A question moved from one place (counted from 1) to another. */
    void questionMoved(SignedInUser user, Survey survey, SurveyQuestion question, int from, int to) {
        questionUpdated(
                user,
                survey,
                question,
                Map.of("history.field.position", AuditValue.number(from)),
                Map.of("history.field.position", AuditValue.number(to)));
    }

    private void questionUpdated(
            SignedInUser user,
            Survey survey,
            SurveyQuestion question,
            Map<String, Object> before,
            Map<String, Object> after) {
        events.publishEvent(AuditableChange.updated(
                        user.districtId(), user.email(), QUESTION, question.id(), question.textEn(), before, after)
                .within(survey.id()));
    }

    void questionRemoved(SignedInUser user, Survey survey, SurveyQuestion question) {
        events.publishEvent(AuditableChange.deleted(
                        user.districtId(), user.email(), QUESTION, question.id(), question.textEn(), question(question))
                .within(survey.id()));
    }

    private static Map<String, Object> details(Survey survey, String assessmentTitle) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("history.field.title", AuditValue.text(survey.titleEn()));
        fields.put("history.field.titleTranslation", AuditValue.text(survey.titleEs()));
        fields.put("history.field.surveyIntro", text(survey.introEn()));
        fields.put("history.field.surveyIntroEs", text(survey.introEs()));
        fields.put("history.field.surveyClosesOn", AuditValue.date(survey.closesOn()));
        fields.put(
                "history.field.surveyAudiences",
                AuditValue.list(survey.audiences().stream()
                        .map(a -> AuditValue.choice("consultation.audience.", a))
                        .toList()));
        fields.put("history.field.surveyAssessment", text(assessmentTitle));
        return fields;
    }

    private static Map<String, Object> question(SurveyQuestion question) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("history.field.kind", AuditValue.choice("survey.kind.", question.kind()));
        fields.put("history.field.surveyQuestion", AuditValue.text(question.textEn()));
        fields.put("history.field.surveyQuestionEs", AuditValue.text(question.textEs()));
        if (question.isChoice()) {
            fields.put("history.field.surveyOptions", texts(question.optionsEn()));
            fields.put("history.field.surveyOptionsEs", texts(question.optionsEs()));
        }
        if (question.scaleMax() != null) {
            fields.put("history.field.surveyScale", AuditValue.choice("survey.scale." + question.scaleMax()));
        }
        return fields;
    }

    /** A text, or none when blank (an introduction left empty reads "none", not an empty quote). */
    private static AuditValue text(String text) {
        return AuditValue.text(text == null || text.isBlank() ? null : text);
    }

    private static AuditValue texts(List<String> texts) {
        return AuditValue.list(texts.stream().map(AuditValue::text).toList());
    }
}
