package org.lodestar.engagement.surveys;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.engagement.SurveyQuestionKind;
import org.lodestar.engagement.SurveyQuestionSetup;
import org.lodestar.engagement.SurveySetup;
import org.lodestar.engagement.SurveyState;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.Ids;
import org.lodestar.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Building a survey: planners and admins of the district only. Once anyone answered, its questions are frozen except
 * their wording (a typo fixed in a question or an option, same options in the same order), so that every answer keeps
 * meaning what the respondent read; adding, removing or changing the kind, scale or number of options is refused.
 */
@Service
public class SurveyEditing {

    public static final int MAX_QUESTIONS = 60;
    public static final int MAX_OPTIONS = 20;
    public static final int MAX_OPTION_LENGTH = 200;
    public static final int MAX_QUESTION_LENGTH = 500;
    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_INTRO_LENGTH = 4000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SurveyStore store;
    private final Clock clock;

    SurveyEditing(SurveyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A survey refused: problems by field, each a message key. */
    public static final class Refused extends RuntimeException {

        private final transient Map<String, String> problems;

        Refused(Map<String, String> problems) {
            super(problems.toString(), null, false, false);
            this.problems = Map.copyOf(problems);
        }

        public Map<String, String> problems() {
            return problems;
        }
    }

    /** The survey of the person's district, or 404; 403 for who may not build surveys. */
    public Survey survey(SignedInUser user, UUID id) {
        ForbiddenException.unless(user.canPlanForDistrict());
        return store.find(user.districtId(), id).orElseThrow(() -> new NotFoundException("survey"));
    }

    @Transactional
    public UUID create(SignedInUser user, SurveySetup setup) {
        ForbiddenException.unless(user.canPlanForDistrict());
        check(setup);
        UUID id = Ids.next();
        store.insert(
                new Survey(
                        user.districtId(),
                        id,
                        secret(24),
                        secret(32),
                        setup.titleEn().strip(),
                        setup.titleEs().strip(),
                        blank(setup.introEn()),
                        blank(setup.introEs()),
                        setup.audiences(),
                        setup.closesOn(),
                        SurveyState.DRAFT,
                        setup.assessmentId(),
                        0),
                user.getUsername(),
                clock.instant());
        return id;
    }

    /** Saves what the survey says; refused (field {@code version}) when someone saved it since it was read. */
    @Transactional
    public void update(SignedInUser user, UUID id, SurveySetup setup, int version) {
        Survey survey = survey(user, id);
        check(setup);
        boolean saved = store.update(new Survey(
                survey.districtId(),
                id,
                survey.token(),
                survey.formSecret(),
                setup.titleEn().strip(),
                setup.titleEs().strip(),
                blank(setup.introEn()),
                blank(setup.introEs()),
                setup.audiences(),
                setup.closesOn(),
                survey.state(),
                setup.assessmentId(),
                version));
        if (!saved) {
            throw new Refused(Map.of("version", "survey.conflict"));
        }
    }

    @Transactional
    public void setState(SignedInUser user, UUID id, SurveyState state) {
        Survey survey = survey(user, id);
        if (state == SurveyState.OPEN
                && store.questions(survey.districtId(), id).isEmpty()) {
            throw new Refused(Map.of("state", "survey.noQuestions"));
        }
        store.setState(survey.districtId(), id, state);
    }

    @Transactional
    public UUID addQuestion(SignedInUser user, UUID surveyId, SurveyQuestionSetup setup) {
        Survey survey = survey(user, surveyId);
        List<SurveyQuestion> questions = store.questions(survey.districtId(), surveyId);
        if (store.responseCount(survey.districtId(), surveyId) > 0) {
            throw new Refused(Map.of("kind", "survey.frozen"));
        }
        if (questions.size() >= MAX_QUESTIONS) {
            throw new Refused(Map.of("kind", "survey.tooManyQuestions"));
        }
        check(setup);
        int position =
                questions.stream().mapToInt(SurveyQuestion::position).max().orElse(0) + 1;
        UUID id = Ids.next();
        store.addQuestion(survey.districtId(), surveyId, question(id, position, "q" + position, setup));
        store.touch(survey.districtId(), surveyId, survey.version());
        return id;
    }

    @Transactional
    public void updateQuestion(SignedInUser user, UUID surveyId, UUID questionId, SurveyQuestionSetup setup) {
        Survey survey = survey(user, surveyId);
        SurveyQuestion current = store.questions(survey.districtId(), surveyId).stream()
                .filter(q -> q.id().equals(questionId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("question"));
        check(setup);
        if (store.responseCount(survey.districtId(), surveyId) > 0
                && (setup.kind() != current.kind()
                        || !java.util.Objects.equals(scale(setup), current.scaleMax())
                        || setup.optionsEn().size() != current.optionsEn().size())) {
            throw new Refused(Map.of("kind", "survey.frozenWording"));
        }
        store.updateQuestion(
                survey.districtId(), surveyId, question(questionId, current.position(), current.code(), setup));
        store.touch(survey.districtId(), surveyId, survey.version());
    }

    @Transactional
    public void deleteQuestion(SignedInUser user, UUID surveyId, UUID questionId) {
        Survey survey = survey(user, surveyId);
        if (store.responseCount(survey.districtId(), surveyId) > 0) {
            throw new Refused(Map.of("kind", "survey.frozen"));
        }
        store.deleteQuestion(survey.districtId(), surveyId, questionId);
    }

    private static SurveyQuestion question(UUID id, int position, String code, SurveyQuestionSetup setup) {
        boolean choice = setup.kind() == SurveyQuestionKind.SINGLE || setup.kind() == SurveyQuestionKind.MULTIPLE;
        return new SurveyQuestion(
                id,
                position,
                code,
                setup.kind(),
                setup.textEn().strip(),
                setup.textEs().strip(),
                choice ? setup.optionsEn().stream().map(String::strip).toList() : List.of(),
                choice ? setup.optionsEs().stream().map(String::strip).toList() : List.of(),
                scale(setup));
    }

    private static Integer scale(SurveyQuestionSetup setup) {
        return setup.kind() == SurveyQuestionKind.RATING ? setup.scaleMax() : null;
    }

    static void check(SurveySetup setup) {
        Map<String, String> problems = new LinkedHashMap<>();
        text(problems, "titleEn", setup.titleEn(), MAX_TITLE_LENGTH, true);
        text(problems, "titleEs", setup.titleEs(), MAX_TITLE_LENGTH, true);
        text(problems, "introEn", setup.introEn(), MAX_INTRO_LENGTH, false);
        text(problems, "introEs", setup.introEs(), MAX_INTRO_LENGTH, false);
        if (setup.audiences().isEmpty()) {
            problems.put("audiences", "survey.audiencesRequired");
        }
        // a year typed wrong (0205, 2205) is refused rather than kept as said
        if (setup.closesOn() != null
                && (setup.closesOn().getYear() < 2000 || setup.closesOn().getYear() > 2100)) {
            problems.put("closesOn", "survey.closesOnRange");
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
    }

    static void check(SurveyQuestionSetup setup) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (setup.kind() == null) {
            problems.put("kind", "survey.kindRequired");
        }
        text(problems, "textEn", setup.textEn(), MAX_QUESTION_LENGTH, true);
        text(problems, "textEs", setup.textEs(), MAX_QUESTION_LENGTH, true);
        if (setup.kind() == SurveyQuestionKind.SINGLE || setup.kind() == SurveyQuestionKind.MULTIPLE) {
            options(problems, "optionsEn", setup.optionsEn());
            options(problems, "optionsEs", setup.optionsEs());
            if (!problems.containsKey("optionsEs")
                    && setup.optionsEn().size() != setup.optionsEs().size()) {
                problems.put("optionsEs", "survey.optionsDiffer");
            }
        }
        if (setup.kind() == SurveyQuestionKind.RATING
                && (setup.scaleMax() == null || (setup.scaleMax() != 5 && setup.scaleMax() != 10))) {
            problems.put("scaleMax", "survey.scale");
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
    }

    private static void options(Map<String, String> problems, String field, List<String> options) {
        List<String> given = new ArrayList<>();
        for (String option : options) {
            if (option.isBlank()) {
                continue;
            }
            if (option.strip().length() > MAX_OPTION_LENGTH) {
                problems.put(field, "survey.optionTooLong");
                return;
            }
            given.add(option);
        }
        if (given.size() < 2 || given.size() > MAX_OPTIONS || given.size() != options.size()) {
            problems.put(field, "survey.options");
        }
    }

    private static void text(Map<String, String> problems, String field, String text, int max, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                problems.put(field, "survey.required");
            }
        } else if (text.strip().length() > max) {
            problems.put(field, "survey.tooLong");
        }
    }

    private static String blank(String text) {
        return text == null ? "" : text.strip();
    }

    private static String secret(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
