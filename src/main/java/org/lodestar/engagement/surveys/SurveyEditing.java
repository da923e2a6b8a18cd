package org.lodestar.engagement.surveys;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.engagement.SurveyQuestionKind;
import org.lodestar.engagement.SurveyQuestionSetup;
import org.lodestar.engagement.SurveySetup;
import org.lodestar.engagement.SurveyState;
import org.lodestar.needs.Assessment;
import org.lodestar.needs.NeedsApi;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.Ids;
import org.lodestar.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Building a survey: planners and admins of the district (any survey), and a school's leader (surveys tied to a needs
 * assessment of their school). Once anyone answered, its questions are frozen except their wording (a typo fixed in a
 * question or an option, same options in the same order), so that every answer keeps meaning what the respondent read;
 * adding, removing or changing the kind, scale or number of options is refused. A question's save, move or removal
 * names the survey's version it read and is refused when the survey changed since; every edit is audited.
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
    private final NeedsApi needs;
    private final SurveyAudit audit;
    private final Clock clock;

    SurveyEditing(SurveyStore store, NeedsApi needs, SurveyAudit audit, Clock clock) {
        this.store = store;
        this.needs = needs;
        this.audit = audit;
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

    /** Who builds surveys at all: planners and admins, and the leader of a school (for their school's). */
    public static boolean buildsSurveys(SignedInUser user) {
        return user.canPlanForDistrict() || !user.ledSchools().isEmpty();
    }

    /**
     * The survey of the person's district, or 404; 403 for who may not build surveys. A school leader is answered 404
     * for a survey of the district or of another school too: it is not among their surveys, and a 403 would tell them
     * that a survey of that id exists elsewhere.
     */
    public Survey survey(SignedInUser user, UUID id) {
        ForbiddenException.unless(buildsSurveys(user));
        Survey survey = store.find(user.districtId(), id).orElseThrow(() -> new NotFoundException("survey"));
        if (!mayWork(user, survey)) {
            throw new NotFoundException("survey");
        }
        return survey;
    }

    /** Whether the person may work on the survey: planners any, a leader one of an assessment of their school. */
    public boolean mayWork(SignedInUser user, Survey survey) {
        if (user.canPlanForDistrict()) {
            return true;
        }
        UUID school = schoolOf(survey);
        return school != null && user.canLeadSchool(school);
    }

    /** The surveys the person may work on: all of the district for planners, their schools' for a leader. */
    public List<SurveyStore.Listed> surveys(SignedInUser user) {
        ForbiddenException.unless(buildsSurveys(user));
        List<SurveyStore.Listed> all = store.list(user.districtId());
        if (user.canPlanForDistrict()) {
            return all;
        }
        Map<UUID, UUID> schools = new HashMap<>();
        needs.assessments(user.districtId()).forEach(a -> {
            if (a.schoolId() != null) {
                schools.put(a.id(), a.schoolId());
            }
        });
        return all.stream()
                .filter(l -> l.survey().assessmentId() != null)
                .filter(l -> {
                    UUID school = schools.get(l.survey().assessmentId());
                    return school != null && user.canLeadSchool(school);
                })
                .toList();
    }

    /** The needs assessments a survey of this person may inform: the district's and every school's for planners. */
    public List<Assessment> assessments(SignedInUser user) {
        return needs.assessments(user.districtId()).stream()
                .filter(a -> a.schoolId() == null ? user.canPlanForDistrict() : user.canLeadSchool(a.schoolId()))
                .sorted(Comparator.comparing((Assessment a) -> a.schoolId() != null)
                        .thenComparing(
                                Comparator.comparingInt(Assessment::schoolYear).reversed())
                        .thenComparing(Assessment::title))
                .toList();
    }

    /** The school a survey is of: its assessment's school; null (the district's) without one or for the district's. */
    private UUID schoolOf(Survey survey) {
        return assessment(survey.districtId(), survey.assessmentId())
                .map(Assessment::schoolId)
                .orElse(null);
    }

    private Optional<Assessment> assessment(UUID districtId, UUID assessmentId) {
        return assessmentId == null ? Optional.empty() : needs.assessment(districtId, assessmentId);
    }

    private String assessmentTitle(UUID districtId, UUID assessmentId) {
        return assessment(districtId, assessmentId).map(Assessment::title).orElse(null);
    }

    @Transactional
    public UUID create(SignedInUser user, SurveySetup setup) {
        ForbiddenException.unless(buildsSurveys(user));
        check(setup, user);
        UUID id = Ids.next();
        Survey survey = new Survey(
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
                0);
        store.insert(survey, user.getUsername(), clock.instant());
        audit.created(user, survey, assessmentTitle(user.districtId(), setup.assessmentId()));
        return id;
    }

    /** Saves what the survey says; refused (field {@code version}) when someone saved it since it was read. */
    @Transactional
    public void update(SignedInUser user, UUID id, SurveySetup setup, int version) {
        Survey survey = survey(user, id);
        check(setup, user);
        Survey changed = new Survey(
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
                version);
        if (!store.update(changed)) {
            throw new Refused(Map.of("version", "survey.conflict"));
        }
        audit.changed(
                user,
                survey,
                assessmentTitle(survey.districtId(), survey.assessmentId()),
                changed,
                assessmentTitle(survey.districtId(), changed.assessmentId()));
    }

    @Transactional
    public void setState(SignedInUser user, UUID id, SurveyState state) {
        Survey survey = survey(user, id);
        if (state == SurveyState.OPEN
                && store.questions(survey.districtId(), id).isEmpty()) {
            throw new Refused(Map.of("state", "survey.noQuestions"));
        }
        if (state == survey.state()) {
            return;
        }
        store.setState(survey.districtId(), id, state);
        audit.state(user, survey, state);
    }

    /** Records in the survey's history that responses were imported into it (the import saved them). */
    void imported(SignedInUser user, Survey survey, int responses) {
        audit.imported(user, survey, responses);
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
        String code = "q" + position;
        while (codeTaken(questions, code)) {
            code = "q" + (++position);
        }
        UUID id = Ids.next();
        SurveyQuestion question = question(id, position, code, setup);
        store.addQuestion(survey.districtId(), surveyId, question);
        // adding overwrites nobody's work: it counts as a change of the survey, whatever version the page had
        store.touch(survey.districtId(), surveyId, survey.version());
        audit.questionAdded(user, survey, question);
        return id;
    }

    private static boolean codeTaken(List<SurveyQuestion> questions, String code) {
        return questions.stream().anyMatch(q -> q.code().equals(code));
    }

    /**
     * Saves a question's wording and options; {@code version} is the survey's version the form was drawn at: when
     * someone changed the survey since, {@link EditConflictException} and nothing is saved.
     */
    @Transactional
    public void updateQuestion(
            SignedInUser user, UUID surveyId, UUID questionId, SurveyQuestionSetup setup, int version) {
        Survey survey = survey(user, surveyId);
        SurveyQuestion current = question(survey, questionId);
        check(setup);
        if (store.responseCount(survey.districtId(), surveyId) > 0
                && (setup.kind() != current.kind()
                        || !java.util.Objects.equals(scale(setup), current.scaleMax())
                        || setup.optionsEn().size() != current.optionsEn().size())) {
            throw new Refused(Map.of("kind", "survey.frozenWording"));
        }
        EditConflictException.unlessSaved(store.touch(survey.districtId(), surveyId, version) ? 1 : 0, "survey");
        SurveyQuestion changed = question(questionId, current.position(), current.code(), setup);
        store.updateQuestion(survey.districtId(), surveyId, changed);
        audit.questionChanged(user, survey, current, changed);
    }

    /** Moves a question one place up or down; refused as {@link #updateQuestion} when the survey changed since. */
    @Transactional
    public void moveQuestion(SignedInUser user, UUID surveyId, UUID questionId, boolean up, int version) {
        Survey survey = survey(user, surveyId);
        List<SurveyQuestion> questions = store.questions(survey.districtId(), surveyId);
        SurveyQuestion question = question(survey, questionId);
        int index = questions.indexOf(question);
        int other = up ? index - 1 : index + 1;
        EditConflictException.unlessSaved(store.touch(survey.districtId(), surveyId, version) ? 1 : 0, "survey");
        if (other < 0 || other >= questions.size()) {
            return;
        }
        SurveyQuestion neighbour = questions.get(other);
        store.setPosition(survey.districtId(), surveyId, question.id(), neighbour.position());
        store.setPosition(survey.districtId(), surveyId, neighbour.id(), question.position());
        audit.questionMoved(user, survey, question, index + 1, other + 1);
    }

    /** Removes a question while nobody answered; refused as {@link #updateQuestion} when the survey changed since. */
    @Transactional
    public void deleteQuestion(SignedInUser user, UUID surveyId, UUID questionId, int version) {
        Survey survey = survey(user, surveyId);
        SurveyQuestion question = question(survey, questionId);
        if (store.responseCount(survey.districtId(), surveyId) > 0) {
            throw new Refused(Map.of("kind", "survey.frozen"));
        }
        EditConflictException.unlessSaved(store.touch(survey.districtId(), surveyId, version) ? 1 : 0, "survey");
        store.deleteQuestion(survey.districtId(), surveyId, questionId);
        audit.questionRemoved(user, survey, question);
    }

    private SurveyQuestion question(Survey survey, UUID questionId) {
        return store.questions(survey.districtId(), survey.id()).stream()
                .filter(q -> q.id().equals(questionId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("question"));
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

    /** What a survey says, and the assessment it informs: one the person may choose (a leader must choose one). */
    private void check(SurveySetup setup, SignedInUser user) {
        Map<String, String> problems = new LinkedHashMap<>();
        try {
            check(setup);
        } catch (Refused refused) {
            problems.putAll(refused.problems());
        }
        if (setup.assessmentId() == null) {
            if (!user.canPlanForDistrict()) {
                problems.put("assessmentId", "survey.assessmentRequired");
            }
        } else if (assessments(user).stream().noneMatch(a -> a.id().equals(setup.assessmentId()))) {
            problems.put("assessmentId", "survey.assessmentUnknown");
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
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
