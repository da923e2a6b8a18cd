package org.lodestar.enrollment.projection;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads enrollment history ({@code school_id,year,grade,count}, year being the fall year) and births
 * ({@code year,births}) from CSV. The layout of the Eau Claire open data ({@code fall_year,school,grade,students})
 * is read too. All rows or none: every bad row is reported with its line number and reason.
 */
public final class EnrollmentCsv {

    /** A row the file cannot be read past, by line number (the header is line 1). */
    public record Problem(int line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    /** Thrown with every problem of the file, when it has any. */
    public static final class InvalidFile extends Exception {
        private final transient List<Problem> problems;

        InvalidFile(List<Problem> problems) {
            super(
                    problems.size() == 1
                            ? problems.get(0).toString()
                            : problems.size() + " bad rows, first " + problems.get(0));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
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

    public static List<Row> readRows(Reader reader) throws IOException, InvalidFile {
        List<Problem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = parser(reader)) {
            Map<String, String> columns = columns(parser, HISTORY_COLUMNS, problems);
            if (!problems.isEmpty()) {
                throw new InvalidFile(problems);
            }
            Map<String, Integer> seen = new HashMap<>();
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber() + 1;
                int before = problems.size();
                String school = value(record, columns.get("school"));
                if (school.isEmpty()) {
                    problems.add(new Problem(line, "the school is missing"));
                }
                Integer year = integer(value(record, columns.get("year")), 1900, 2200, "year", line, problems);
                Grade grade = null;
                try {
                    grade = Grade.parse(value(record, columns.get("grade")));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(
                            line, "grade \"" + value(record, columns.get("grade")) + "\" is not PK, K or 1-12"));
                }
                Integer count = integer(value(record, columns.get("count")), 0, 1_000_000, "count", line, problems);
                if (problems.size() == before) {
                    Integer earlier = seen.putIfAbsent(school + "|" + year + "|" + grade, line);
                    if (earlier != null) {
                        problems.add(
                                new Problem(line, "the same school, year and grade is already on line " + earlier));
                    } else {
                        rows.add(new Row(line, school, year, grade, count));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFile(problems);
        }
        if (rows.isEmpty()) {
            throw new InvalidFile(List.of(new Problem(1, "the file has no rows")));
        }
        return rows;
    }

    public static EnrollmentHistory readHistory(Reader reader) throws IOException, InvalidFile {
        EnrollmentHistory history = new EnrollmentHistory();
        readRows(reader).forEach(row -> history.put(row.school(), row.year(), row.grade(), row.count()));
        return history;
    }

    public static Births readBirths(Reader reader) throws IOException, InvalidFile {
        List<Problem> problems = new ArrayList<>();
        Births births = new Births();
        try (CSVParser parser = parser(reader)) {
            Map<String, String> columns = columns(
                    parser, Map.of("year", List.of("year", "birth_year"), "births", List.of("births")), problems);
            if (!problems.isEmpty()) {
                throw new InvalidFile(problems);
            }
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber() + 1;
                Integer year = integer(value(record, columns.get("year")), 1900, 2200, "year", line, problems);
                Integer n = integer(value(record, columns.get("births")), 0, 10_000_000, "births", line, problems);
                if (year != null && n != null) {
                    births.put(year, n);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFile(problems);
        }
        return births;
    }

    private static CSVParser parser(Reader reader) throws IOException {
        return CSVParser.parse(
                reader,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setTrim(true)
                        .setIgnoreEmptyLines(true)
                        .get());
    }

    /** Which header names the file uses for each needed column. */
    private static Map<String, String> columns(
            CSVParser parser, Map<String, List<String>> wanted, List<Problem> problems) {
        Map<String, String> byLowerCase = new HashMap<>();
        parser.getHeaderNames()
                .forEach(header ->
                        byLowerCase.put(header.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT), header));
        Map<String, String> found = new HashMap<>();
        wanted.forEach((column, names) -> names.stream()
                .filter(byLowerCase::containsKey)
                .findFirst()
                .ifPresentOrElse(
                        name -> found.put(column, byLowerCase.get(name)),
                        () -> problems.add(new Problem(1, "no column " + String.join(" or ", names)))));
        return found;
    }

    private static String value(CSVRecord record, String column) {
        return record.isSet(column) ? record.get(column).strip() : "";
    }

    private static Integer integer(String text, int min, int max, String what, int line, List<Problem> problems) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(new Problem(line, what + " \"" + text + "\" is not a whole number from " + min + " to " + max));
        return null;
    }
}
