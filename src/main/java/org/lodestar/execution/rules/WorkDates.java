package org.lodestar.execution.rules;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The dates and percent of a project or task as a form or the API sends them, checked together: each date a
 * year-month-day between 1990 and 2100 (a date input sends that in every language; any other year is a slip), the due
 * date not before the start, a milestone one day (its start, when given, is its due date), a percent from 0 to 100.
 * What is refused is named by field, so each message goes next to its field.
 */
public final class WorkDates {

    public static final int FIRST_YEAR = 1990;
    public static final int LAST_YEAR = 2100;

    /** Refusals by field ({@code startDate}, {@code dueDate}, {@code percent}) to message keys; empty when all fit. */
    public static Map<String, String> problems(String start, String due, String percent, boolean milestone) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!valid(start)) {
            problems.put("startDate", "work.dateInvalid");
        }
        if (!valid(due)) {
            problems.put("dueDate", "work.dateInvalid");
        }
        Optional<LocalDate> from = read(start);
        Optional<LocalDate> to = read(due);
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            problems.put("dueDate", "work.dueBeforeStart");
        }
        if (milestone && to.isEmpty() && !problems.containsKey("dueDate")) {
            problems.put("dueDate", "work.milestoneNeedsDate");
        }
        if (milestone && from.isPresent() && to.isPresent() && !from.equals(to) && !problems.containsKey("dueDate")) {
            problems.put("dueDate", "work.milestoneOneDay");
        }
        if (percent(percent).isEmpty()) {
            problems.put("percent", "work.percentInvalid");
        }
        return problems;
    }

    /** Whether the text is blank (no date) or a date this reads. */
    public static boolean valid(String text) {
        return text == null || text.isBlank() || read(text).isPresent();
    }

    /** The date, or empty when blank or refused. */
    public static Optional<LocalDate> read(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            return date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR ? Optional.empty() : Optional.of(date);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    /** A whole percent from 0 to 100 (blank: 0), or empty when refused. */
    public static Optional<Integer> percent(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(0);
        }
        try {
            int value = Integer.parseInt(text.strip());
            return value < 0 || value > 100 ? Optional.empty() : Optional.of(value);
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private WorkDates() {}
}
