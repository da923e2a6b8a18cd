package org.lodestar.engagement.surveys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lodestar.engagement.CommentSource;
import org.lodestar.engagement.OpenComment;
import org.lodestar.engagement.domain.OpenComments;
import org.lodestar.planning.Consultation;
import org.lodestar.shared.Ids;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers given through a survey's public link. Checked in this order, nothing saved unless all pass: the survey
 * takes answers, the honeypot field is empty, the form was drawn by this survey at least {@link #FASTEST} and at most
 * {@link #OLDEST} ago, this browser has not answered yet, and every answer is one the question offers (open text at
 * most {@link #MAX_TEXT} characters). Open-text answers become open comments, the rest survey answers.
 */
@Service
public class SurveyAnswering {

    static final Duration FASTEST = Duration.ofSeconds(3);
    static final Duration OLDEST = Duration.ofDays(1);
    public static final int MAX_TEXT = 4000;

    private final SurveyStore store;
    private final OpenComments comments;
    private final Clock clock;
    private final TransactionTemplate transaction;

    SurveyAnswering(SurveyStore store, OpenComments comments, Clock clock, TransactionTemplate transaction) {
        this.store = store;
        this.comments = comments;
        this.clock = clock;
        this.transaction = transaction;
    }

    /** What became of a submission. */
    public enum Outcome {
        SAVED,
        ALREADY_ANSWERED,
        CLOSED,
        SPAM,
        TOO_FAST,
        TOO_OLD,
        INVALID
    }

    /**
     * A submission's result.
     *
     * @param problems message keys by field ({@code audience}, or a question's code) when INVALID
     */
    public record Result(Outcome outcome, Map<String, String> problems) {

        static Result of(Outcome outcome) {
            return new Result(outcome, Map.of());
        }
    }

    /** A response prepared for saving: its closed answers and its open ones (comment texts), checked. */
    record Prepared(SurveyStore.NewResponse response, List<String> openTexts) {}

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public String stamp(Survey survey) {
        return SurveyFormStamp.sign(survey, clock.instant());
    }

    public boolean answered(Survey survey, String browserId) {
        return browserId != null
                && store.answered(survey.districtId(), survey.id(), SurveyFormStamp.browserHash(survey, browserId));
    }

    /**
     * Takes a response from the public form.
     *
     * @param answers the values given for each question's code (several for a multiple choice)
     */
    public Result submit(
            Survey survey,
            String language,
            String browserId,
            String honeypot,
            String stamp,
            String audience,
            Map<String, List<String>> answers) {
        Instant now = clock.instant();
        if (!survey.takesAnswers(LocalDate.now(clock))) {
            return Result.of(Outcome.CLOSED);
        }
        if (honeypot != null && !honeypot.isEmpty()) {
            return Result.of(Outcome.SPAM);
        }
        Instant drawn = SurveyFormStamp.read(survey, stamp).orElse(null);
        if (drawn == null
                || drawn.isAfter(now.plusSeconds(5))
                || Duration.between(drawn, now).compareTo(OLDEST) > 0) {
            return Result.of(Outcome.TOO_OLD);
        }
        if (Duration.between(drawn, now).compareTo(FASTEST) < 0) {
            return Result.of(Outcome.TOO_FAST);
        }
        String hash = SurveyFormStamp.browserHash(survey, browserId);
        if (store.answered(survey.districtId(), survey.id(), hash)) {
            return Result.of(Outcome.ALREADY_ANSWERED);
        }
        Map<String, String> problems = new LinkedHashMap<>();
        Prepared prepared = prepare(
                survey,
                store.questions(survey.districtId(), survey.id()),
                language,
                audience,
                answers,
                hash,
                "WEB",
                now,
                problems);
        if (prepared == null) {
            return new Result(Outcome.INVALID, problems);
        }
        try {
            transaction.executeWithoutResult(status -> save(survey, List.of(prepared)));
        } catch (DuplicateKeyException sameBrowserAtOnce) {
            // the same browser sent twice at once: the unique key keeps the first
            return Result.of(Outcome.ALREADY_ANSWERED);
        }
        return Result.of(Outcome.SAVED);
    }

    /**
     * Checks one response's answers, by question code; null with {@code problems} filled (by field: {@code audience}
     * or a question's code) when any is refused.
     *
     * @param answers raw values by question code; a choice is the option's index, a Likert point or a rating
     */
    static Prepared prepare(
            Survey survey,
            List<SurveyQuestion> questions,
            String language,
            String audience,
            Map<String, List<String>> answers,
            String browserHash,
            String source,
            Instant at,
            Map<String, String> problems) {
        Consultation.Audience who = null;
        for (Consultation.Audience a : survey.audiences()) {
            if (a.name().equals(audience)) {
                who = a;
            }
        }
        if (who == null) {
            problems.put("audience", "survey.answer.audience");
        }
        List<SurveyStore.Answer> closed = new ArrayList<>();
        List<String> open = new ArrayList<>();
        UUID responseId = Ids.next();
        boolean anything = false;
        for (SurveyQuestion question : questions) {
            List<String> given = answers.getOrDefault(question.code(), List.of()).stream()
                    .filter(value -> value != null && !value.isBlank())
                    .toList();
            if (given.isEmpty()) {
                continue;
            }
            if (question.isOpen()) {
                String text = String.join("\n", given).strip();
                if (given.size() > 1 || text.length() > MAX_TEXT) {
                    problems.put(question.code(), "survey.answer.tooLong");
                } else {
                    open.add(text);
                    anything = true;
                }
                continue;
            }
            int most = question.kind() == org.lodestar.engagement.SurveyQuestionKind.MULTIPLE
                    ? question.optionsEn().size()
                    : 1;
            Set<Integer> values = new LinkedHashSet<>();
            for (String value : given) {
                Integer number = number(value);
                if (number == null || !question.values().contains(number)) {
                    problems.put(question.code(), "survey.answer.unknown");
                } else {
                    values.add(number);
                }
            }
            if (given.size() > most) {
                problems.put(question.code(), "survey.answer.tooMany");
            }
            values.forEach(value -> closed.add(new SurveyStore.Answer(question.id(), value)));
            anything = anything || !values.isEmpty();
        }
        if (!anything && problems.isEmpty()) {
            problems.put("answers", "survey.answer.none");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Prepared(
                new SurveyStore.NewResponse(
                        responseId, who, "es".equals(language) ? "es" : "en", browserHash, source, at, closed),
                open);
    }

    private static Integer number(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.length() > 3) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Saves checked responses and their open answers as comments of the survey. */
    void save(Survey survey, List<Prepared> responses) {
        store.saveResponses(
                survey.districtId(),
                survey.id(),
                responses.stream().map(Prepared::response).toList());
        List<OpenComment> open = new ArrayList<>();
        for (Prepared prepared : responses) {
            for (String text : prepared.openTexts()) {
                open.add(new OpenComment(
                        Ids.next(),
                        CommentSource.SURVEY,
                        survey.id(),
                        prepared.response().audience(),
                        prepared.response().language(),
                        text,
                        false,
                        prepared.response().submittedAt()));
            }
        }
        comments.add(survey.districtId(), open);
    }
}
