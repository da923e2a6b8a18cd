package org.lodestar.enrollment.projection;

import java.io.Reader;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.lodestar.shared.tabular.ImportProblem;
import org.lodestar.shared.tabular.ImportProblems;
import org.lodestar.shared.tabular.ImportRefused;
import org.lodestar.shared.tabular.TabularFile;
import org.lodestar.shared.tabular.TabularLimits;
import org.lodestar.shared.tabular.TabularRow;

/**
 * Reads enrollment history ({@code school_id,year,grade,count}, year being the fall year) and births
 * ({@code year,births}) from CSV. The layout of the Eau Claire open data ({@code fall_year,school,grade,students})
 * is read too. All rows or none: every bad row is reported with its line number and reason.
 */
public final class EnrollmentCsv {

    /** Thrown with the problems of the file (the first of them, and how many more), when it has any. */
    public static final class InvalidFile extends Exception {
        private final transient ImportProblems problems;

        InvalidFile(ImportProblems problems) {
            super(
                    problems.total() == 1
                            ? english(problems.shown().get(0))
                            : problems.total() + " bad rows, first "
                                    + english(problems.shown().get(0)));
            this.problems = problems;
        }

        InvalidFile(ImportRefused refused) {
            this(ImportProblems.of(refused.problem()));
        }

        public ImportProblems problems() {
            return problems;
        }

        /** The command line has no reader's language: it says the problem in English. */
        private static String english(ImportProblem problem) {
            String pattern = ResourceBundle.getBundle("messages", Locale.ROOT).getString(problem.code());
            return "line " + problem.line() + ": "
                    + new MessageFormat(pattern, Locale.ENGLISH)
                            .format(problem.args().toArray());
        }
    }

    private static final Map<String, List<String>> HISTORY_COLUMNS = Map.of(
            "school", List.of("school_id", "school"),
            "year", List.of("year", "fall_year"),
            "grade", List.of("grade"),
            "count", List.of("count", "students"));

    private EnrollmentCsv() {}

    /** One counted cell, as read. */
    public record Row(int line, String school, int year, Grade grade, int count) {}

    /** Reads counts from a file, refusing it at once when it lacks a column. */
    public static List<Row> readRows(TabularFile file) throws InvalidFile {
        ImportProblems problems = new ImportProblems();
        List<Row> rows = new ArrayList<>();
        Map<String, String> columns = columns(file, HISTORY_COLUMNS);
        Map<String, Integer> seen = new HashMap<>();
        try {
            for (TabularRow record = file.next(); record != null; record = file.next()) {
                int line = record.line();
                int before = problems.total();
                String school = record.get(columns.get("school"));
                if (school.isEmpty()) {
                    problems.add(line, "enrollment.import.school");
                }
                Integer year = integer(record.get(columns.get("year")), 1900, 2200, "year", line, problems);
                Grade grade = null;
                try {
                    grade = Grade.parse(record.get(columns.get("grade")));
                } catch (IllegalArgumentException e) {
                    problems.add(line, "enrollment.import.grade", record.get(columns.get("grade")));
                }
                Integer count = integer(record.get(columns.get("count")), 0, 1_000_000, "count", line, problems);
                if (problems.total() == before) {
                    Integer earlier = seen.putIfAbsent(school + "|" + year + "|" + grade, line);
                    if (earlier != null) {
                        problems.add(line, "enrollment.import.duplicate", earlier);
                    } else if (problems.isEmpty()) {
                        rows.add(new Row(line, school, year, grade, count));
                    }
                }
            }
        } catch (ImportRefused refused) {
            throw new InvalidFile(refused);
        }
        if (!problems.isEmpty()) {
            throw new InvalidFile(problems);
        }
        if (rows.isEmpty()) {
            throw new InvalidFile(ImportProblems.of(ImportProblem.of(1, "enrollment.import.noRows")));
        }
        return rows;
    }

    public static EnrollmentHistory readHistory(Reader reader) throws InvalidFile {
        EnrollmentHistory history = new EnrollmentHistory();
        try (TabularFile file = TabularFile.csv(reader, TabularLimits.DEFAULT)) {
            readRows(file).forEach(row -> history.put(row.school(), row.year(), row.grade(), row.count()));
        } catch (ImportRefused refused) {
            throw new InvalidFile(refused);
        }
        return history;
    }

    public static Births readBirths(Reader reader) throws InvalidFile {
        try (TabularFile file = TabularFile.csv(reader, TabularLimits.DEFAULT)) {
            return readBirths(file);
        } catch (ImportRefused refused) {
            throw new InvalidFile(refused);
        }
    }

    /** Reads births by year, refusing the file at once when it lacks a column. */
    public static Births readBirths(TabularFile file) throws InvalidFile {
        ImportProblems problems = new ImportProblems();
        Births births = new Births();
        Map<String, String> columns =
                columns(file, Map.of("year", List.of("year", "birth_year"), "births", List.of("births")));
        try {
            for (TabularRow record = file.next(); record != null; record = file.next()) {
                int line = record.line();
                Integer year = integer(record.get(columns.get("year")), 1900, 2200, "year", line, problems);
                Integer n = integer(record.get(columns.get("births")), 0, 10_000_000, "births", line, problems);
                if (year != null && n != null) {
                    births.put(year, n);
                }
            }
        } catch (ImportRefused refused) {
            throw new InvalidFile(refused);
        }
        if (!problems.isEmpty()) {
            throw new InvalidFile(problems);
        }
        return births;
    }

    /** Which header names the file uses for each needed column; a file without one is refused before its rows. */
    private static Map<String, String> columns(TabularFile file, Map<String, List<String>> wanted) throws InvalidFile {
        Map<String, String> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        wanted.forEach((column, names) -> names.stream()
                .filter(file.header()::contains)
                .findFirst()
                .ifPresentOrElse(name -> found.put(column, name), () -> missing.add(String.join(" or ", names))));
        if (!missing.isEmpty()) {
            missing.sort(null);
            throw new InvalidFile(
                    ImportProblems.of(ImportProblem.of(1, "import.error.columns", String.join(", ", missing))));
        }
        return found;
    }

    private static Integer integer(String text, int min, int max, String what, int line, ImportProblems problems) {
        try {
            // a workbook may hold a whole number as 2025.0
            int value = Integer.parseInt(text.endsWith(".0") ? text.substring(0, text.length() - 2) : text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(line, "enrollment.import." + what, text, String.valueOf(min), String.valueOf(max));
        return null;
    }
}
