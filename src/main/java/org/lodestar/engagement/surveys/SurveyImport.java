package org.lodestar.engagement.surveys;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.engagement.SurveyQuestionKind;
import org.lodestar.planning.Consultation;
import org.lodestar.shared.tabular.ImportProblem;
import org.lodestar.shared.tabular.ImportProblems;
import org.lodestar.shared.tabular.ImportRefused;
import org.lodestar.shared.tabular.TabularFile;
import org.lodestar.shared.tabular.TabularLimits;
import org.lodestar.shared.tabular.TabularRow;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Responses exported from another survey tool (CSV or XLSX), one row a response: a column {@code audience} (the
 * audience's English or Spanish name, or its code) and a column per question, named by its code ({@code q1}) or its
 * English text. A Likert answer is its label or 1-5, a rating its number, a choice its option in English or Spanish
 * (several separated by {@code ;}), an open answer its text; other columns are ignored, {@code language} read when
 * present. All rows or none, every bad row reported with its line.
 */
@Service
public class SurveyImport {

    /** 5 MB, 10,000 responses, a cell as long as an open answer may be. */
    static final TabularLimits LIMITS =
            new TabularLimits(5L * 1024 * 1024, 50L * 1024 * 1024, 100, 10_001, 100, SurveyAnswering.MAX_TEXT);

    private final SurveyEditing editing;
    private final SurveyStore store;
    private final SurveyAnswering answering;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SurveyImport(
            SurveyEditing editing,
            SurveyStore store,
            SurveyAnswering answering,
            MessageSource messages,
            TransactionTemplate transaction,
            Clock clock) {
        this.editing = editing;
        this.store = store;
        this.answering = answering;
        this.messages = messages;
        this.transaction = transaction;
        this.clock = clock;
    }

    public record ImportResult(int recorded, List<ImportProblem> problems, int moreProblems) {

        public boolean applied() {
            return problems.isEmpty();
        }
    }

    /** Imports a file's responses into the survey, after checking who asks (before the file is read). */
    public ImportResult importFile(SignedInUser user, UUID surveyId, String filename, InputStreamSource content)
            throws IOException {
        Survey survey = editing.survey(user, surveyId);
        List<SurveyQuestion> questions = store.questions(survey.districtId(), surveyId);
        try (InputStream in = content.getInputStream();
                TabularFile file = TabularFile.open(filename, in, LIMITS)) {
            return read(user, survey, questions, file);
        } catch (ImportRefused refused) {
            return new ImportResult(0, List.of(refused.problem()), 0);
        }
    }

    private ImportResult read(SignedInUser user, Survey survey, List<SurveyQuestion> questions, TabularFile file)
            throws ImportRefused {
        Map<String, SurveyQuestion> columns = new LinkedHashMap<>();
        for (String column : file.header()) {
            for (SurveyQuestion question : questions) {
                if (column.equals(question.code())
                        || column.equals(question.textEn().strip().toLowerCase(Locale.ROOT))) {
                    if (columns.containsValue(question)) {
                        return refused(ImportProblem.of(1, "survey.import.twice", question.code()));
                    }
                    columns.put(column, question);
                }
            }
        }
        if (!file.header().contains("audience")) {
            return refused(ImportProblem.of(1, "survey.import.noAudience"));
        }
        if (columns.isEmpty()) {
            return refused(ImportProblem.of(1, "survey.import.noQuestions"));
        }
        Map<String, Consultation.Audience> audiences = audienceNames(survey);
        ImportProblems problems = new ImportProblems();
        List<SurveyAnswering.Prepared> prepared = new ArrayList<>();
        Instant now = clock.instant();
        for (TabularRow row = file.next(); row != null; row = file.next()) {
            int before = problems.total();
            String audienceCell = row.get("audience").strip();
            Consultation.Audience audience = audiences.get(audienceCell.toLowerCase(Locale.ROOT));
            if (audience == null) {
                problems.add(row.line(), "survey.import.audience", audienceCell);
            }
            Map<String, List<String>> answers = new HashMap<>();
            for (Map.Entry<String, SurveyQuestion> column : columns.entrySet()) {
                String cell = row.get(column.getKey()).strip();
                if (cell.isEmpty()) {
                    continue;
                }
                SurveyQuestion question = column.getValue();
                List<String> values = values(question, cell);
                if (values == null) {
                    problems.add(row.line(), problem(question), cell, question.code(), first(question), last(question));
                } else {
                    answers.put(question.code(), values);
                }
            }
            if (problems.total() > before) {
                continue;
            }
            Map<String, String> refused = new LinkedHashMap<>();
            String language = "es".equalsIgnoreCase(row.get("language").strip()) ? "es" : "en";
            SurveyAnswering.Prepared response = SurveyAnswering.prepare(
                    survey, questions, language, audience.name(), answers, null, "IMPORT", now, refused);
            if (response == null) {
                int line = row.line();
                refused.values().forEach(code -> problems.add(line, code));
            } else {
                prepared.add(response);
            }
        }
        if (!problems.isEmpty()) {
            return new ImportResult(0, problems.shown(), problems.more());
        }
        if (prepared.isEmpty()) {
            return refused(ImportProblem.of(0, "import.error.noRows"));
        }
        transaction.executeWithoutResult(status -> {
            answering.save(survey, prepared);
            editing.imported(user, survey, prepared.size());
        });
        return new ImportResult(prepared.size(), List.of(), 0);
    }

    private static String problem(SurveyQuestion question) {
        return question.kind() == SurveyQuestionKind.RATING ? "survey.import.rating" : "survey.import.option";
    }

    private static int first(SurveyQuestion question) {
        return question.values().isEmpty() ? 0 : question.values().get(0);
    }

    private static int last(SurveyQuestion question) {
        return question.values().isEmpty()
                ? 0
                : question.values().get(question.values().size() - 1);
    }

    /** A cell's answer as the public form would send it (the values' numbers), or null when it is none of them. */
    private List<String> values(SurveyQuestion question, String cell) {
        switch (question.kind()) {
            case OPEN:
                return List.of(cell);
            case RATING:
                return question.values().stream().anyMatch(v -> v.toString().equals(cell)) ? List.of(cell) : null;
            case LIKERT:
                for (int point : question.values()) {
                    if (cell.equals(Integer.toString(point))
                            || cell.equalsIgnoreCase(likert(point, Locale.ENGLISH))
                            || cell.equalsIgnoreCase(likert(point, Locale.forLanguageTag("es")))) {
                        return List.of(Integer.toString(point));
                    }
                }
                return null;
            default:
                List<String> parts = question.kind() == SurveyQuestionKind.MULTIPLE && option(question, cell) < 0
                        ? List.of(cell.split(";"))
                        : List.of(cell);
                List<String> values = new ArrayList<>();
                for (String part : parts) {
                    if (part.isBlank()) {
                        continue;
                    }
                    int index = option(question, part.strip());
                    if (index < 0) {
                        return null;
                    }
                    values.add(Integer.toString(index));
                }
                return values.isEmpty() ? null : values;
        }
    }

    private static int option(SurveyQuestion question, String text) {
        for (int i = 0; i < question.optionsEn().size(); i++) {
            if (question.optionsEn().get(i).equalsIgnoreCase(text)
                    || question.optionsEs().get(i).equalsIgnoreCase(text)) {
                return i;
            }
        }
        return -1;
    }

    private String likert(int point, Locale locale) {
        return messages.getMessage("survey.likert." + point, null, locale);
    }

    private Map<String, Consultation.Audience> audienceNames(Survey survey) {
        Map<String, Consultation.Audience> names = new HashMap<>();
        for (Consultation.Audience audience : survey.audiences()) {
            names.put(audience.name().toLowerCase(Locale.ROOT), audience);
            for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("es"))) {
                names.put(
                        messages.getMessage("consultation.audience." + audience, null, locale)
                                .toLowerCase(Locale.ROOT),
                        audience);
            }
        }
        return names;
    }

    private static ImportResult refused(ImportProblem problem) {
        return new ImportResult(0, List.of(problem), 0);
    }
}
