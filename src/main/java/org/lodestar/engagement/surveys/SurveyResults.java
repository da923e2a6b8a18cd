package org.lodestar.engagement.surveys;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.engagement.CommentSource;
import org.lodestar.engagement.OpenComment;
import org.lodestar.engagement.domain.OpenComments;
import org.lodestar.planning.Consultation;
import org.lodestar.shared.Suppression;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A survey's results: per question the answers counted, for all respondents or one audience. An audience with fewer
 * responses than the district's minimum n is counted only inside "all", and so is one that would let it be worked out
 * as "all minus the audiences shown" (the complementary rule of {@link Suppression}).
 */
@Service
public class SurveyResults {

    private final SurveyStore store;
    private final OpenComments comments;
    private final DirectoryApi directory;
    private final MessageSource messages;
    private final java.time.Clock clock;

    SurveyResults(
            SurveyStore store,
            OpenComments comments,
            DirectoryApi directory,
            MessageSource messages,
            java.time.Clock clock) {
        this.comments = comments;
        this.clock = clock;
        this.store = store;
        this.directory = directory;
        this.messages = messages;
    }

    /** An answer's count: its label in the reader's language, how many gave it, and its share of who answered. */
    public record Option(String label, int count, int percent) {}

    /**
     * A question's results.
     *
     * @param answered how many responses answered it
     * @param mean the mean of a Likert or rating question, else null
     */
    public record QuestionResult(
            SurveyQuestion question, String text, List<Option> options, int answered, Double mean) {

        public List<String> labels() {
            return options.stream().map(Option::label).toList();
        }

        public List<Integer> counts() {
            return options.stream().map(Option::count).toList();
        }
    }

    /**
     * The results as one view shows them.
     *
     * @param audience the audience shown, or null for all respondents
     * @param byAudience responses by audience (every audience the survey asks), for the tabs
     * @param hidden the audiences counted only inside "all"
     * @param shownHidden whether the audience asked for is one of them (then no numbers are shown for it)
     * @param commentCount how many open comments the view counts (hidden ones left out)
     * @param comments the page of comments shown: empty for a reader who may not read them (a school's leader)
     * @param commentPage the page shown, from 1
     * @param commentPages how many pages the comments fill (at least 1)
     */
    public record View(
            Consultation.Audience audience,
            int total,
            Map<Consultation.Audience, Integer> byAudience,
            Set<Consultation.Audience> hidden,
            boolean shownHidden,
            int minimumN,
            int responses,
            List<QuestionResult> questions,
            Map<LocalDate, Integer> byDay,
            int commentCount,
            boolean commentsRead,
            List<OpenComment> comments,
            int commentPage,
            int commentPages) {}

    /** Open comments a results page lists: they grow with the responses, so a page at a time. */
    public static final int COMMENTS_PAGE = 50;

    /** The results without comments' text (the CSV export). */
    public View view(Survey survey, Consultation.Audience audience, Locale locale) {
        return view(survey, audience, locale, false, 1);
    }

    /**
     * The results, with a page (from 1; one past the last shows the last) of the open comments when {@code
     * readComments} (planners and admins), else only their number.
     */
    public View view(Survey survey, Consultation.Audience audience, Locale locale, boolean readComments, int page) {
        UUID district = survey.districtId();
        int minimumN = directory.district(district).minimumN();
        Map<LocalDate, Integer> byDay = new TreeMap<>();
        Map<Consultation.Audience, Integer> byAudience = new EnumMap<>(Consultation.Audience.class);
        survey.audiences().forEach(a -> byAudience.put(a, 0));
        for (SurveyStore.DayCount day : store.responsesByDay(district, survey.id(), zone())) {
            byAudience.merge(day.audience(), day.count(), Integer::sum);
            if (audience == null || audience == day.audience()) {
                byDay.merge(day.day(), day.count(), Integer::sum);
            }
        }
        int total = byAudience.values().stream().mapToInt(Integer::intValue).sum();
        Set<Consultation.Audience> hidden =
                Suppression.hiddenCells(minimumN, true, total, byAudience, List.of(List.copyOf(byAudience.keySet())));
        if (total < minimumN) {
            // the planning team reads "all" whatever its size; only the audiences are hidden then
            hidden = byAudience.keySet();
        }
        boolean shownHidden = audience != null && hidden.contains(audience);
        if (audience != null && !byAudience.containsKey(audience)) {
            shownHidden = true;
        }
        List<QuestionResult> questions = new ArrayList<>();
        List<OpenComment> open = List.of();
        int commentCount = 0;
        int pages = 1;
        int shownPage = 1;
        if (!shownHidden) {
            questions = questions(survey, audience, locale);
            commentCount = comments.countShownOfSource(district, CommentSource.SURVEY, survey.id(), audience);
            pages = Math.max(1, (commentCount + COMMENTS_PAGE - 1) / COMMENTS_PAGE);
            shownPage = Math.min(Math.max(page, 1), pages);
            if (readComments) {
                open = comments.shownOfSource(
                        district,
                        CommentSource.SURVEY,
                        survey.id(),
                        audience,
                        (shownPage - 1) * COMMENTS_PAGE,
                        COMMENTS_PAGE);
            }
        } else {
            byDay = Map.of();
        }
        int responses = audience == null ? total : byAudience.getOrDefault(audience, 0);
        return new View(
                audience,
                total,
                byAudience,
                hidden,
                shownHidden,
                minimumN,
                shownHidden ? 0 : responses,
                questions,
                byDay,
                commentCount,
                readComments,
                open,
                shownPage,
                pages);
    }

    private List<QuestionResult> questions(Survey survey, Consultation.Audience audience, Locale locale) {
        UUID district = survey.districtId();
        Map<UUID, Map<Integer, Integer>> counts = new LinkedHashMap<>();
        for (SurveyStore.ChoiceCount count : store.choiceCounts(district, survey.id())) {
            if (audience == null || audience == count.audience()) {
                counts.computeIfAbsent(count.questionId(), q -> new TreeMap<>())
                        .merge(count.choice(), count.count(), Integer::sum);
            }
        }
        Map<UUID, Integer> answered = new LinkedHashMap<>();
        for (SurveyStore.Answering answering : store.answering(district, survey.id())) {
            if (audience == null || audience == answering.audience()) {
                answered.merge(answering.questionId(), answering.responses(), Integer::sum);
            }
        }
        String language = locale.getLanguage();
        List<QuestionResult> results = new ArrayList<>();
        for (SurveyQuestion question : store.questions(district, survey.id())) {
            Map<Integer, Integer> its = counts.getOrDefault(question.id(), Map.of());
            int n = answered.getOrDefault(question.id(), 0);
            List<Option> options = new ArrayList<>();
            long sum = 0;
            int points = 0;
            for (int value : question.values()) {
                int count = its.getOrDefault(value, 0);
                options.add(new Option(
                        label(question, value, language, locale), count, n == 0 ? 0 : Math.round(100f * count / n)));
                sum += (long) value * count;
                points += count;
            }
            Double mean = (question.isChoice() || question.isOpen() || points == 0) ? null : (double) sum / points;
            results.add(new QuestionResult(question, question.text(language), options, n, mean));
        }
        return results;
    }

    /** The questions of a survey, in order. */
    public List<SurveyQuestion> questions(Survey survey) {
        return store.questions(survey.districtId(), survey.id());
    }

    /** An answer's label: a Likert point's fixed label, a rating's number, or a choice's option. */
    String label(SurveyQuestion question, int value, String language, Locale locale) {
        return switch (question.kind()) {
            case LIKERT -> messages.getMessage("survey.likert." + value, null, locale);
            case RATING -> Integer.toString(value);
            default -> question.options(language).get(value);
        };
    }

    private String zone() {
        return clock.getZone().getId();
    }
}
