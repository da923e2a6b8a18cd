package org.lodestar.execution.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A project's due date as its form sends it. A date input sends year-month-day in every language, so that is the only
 * form read; anything else (a browser without a date picker, a typing slip) is refused at the field rather than
 * guessed, and so is a year no plan spans (plans run from 1990 to 2100), which is always a slip.
 */
final class DueDates {

    private DueDates() {}

    /** Whether the text is blank (no due date) or a date this reads. */
    static boolean valid(String text) {
        return text == null || text.isBlank() || read(text).isPresent();
    }

    /** The date, or empty when blank or refused. */
    static Optional<LocalDate> read(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            return date.getYear() < 1990 || date.getYear() > 2100 ? Optional.empty() : Optional.of(date);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
