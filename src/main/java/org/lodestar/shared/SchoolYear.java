package org.lodestar.shared;

import java.time.LocalDate;

/**
 * A school year named by the calendar year it starts in: {@code 2025} is written {@code 2025-26}.
 *
 * @param startYear the calendar year in which the school year starts
 */
public record SchoolYear(int startYear) implements Comparable<SchoolYear> {

    public SchoolYear {
        if (startYear < 1900 || startYear > 2200) {
            throw new IllegalArgumentException("School year out of range: " + startYear);
        }
    }

    public static SchoolYear of(int startYear) {
        return new SchoolYear(startYear);
    }

    /** Reads {@code 2025-26} or {@code 2025}; the two-digit end, when given, must follow the start year. */
    public static SchoolYear parse(String text) {
        String value = text == null ? "" : text.strip();
        try {
            if (value.matches("\\d{4}")) {
                return new SchoolYear(Integer.parseInt(value));
            }
            if (value.matches("\\d{4}-\\d{2}")) {
                int start = Integer.parseInt(value.substring(0, 4));
                int end = Integer.parseInt(value.substring(5));
                if ((start + 1) % 100 == end) {
                    return new SchoolYear(start);
                }
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("Not a school year (expected e.g. 2025-26): " + text);
    }

    /** The school year a date falls in, for a district whose year starts in {@code startMonth}. */
    public static SchoolYear containing(LocalDate date, int startMonth) {
        return new SchoolYear(date.getMonthValue() >= startMonth ? date.getYear() : date.getYear() - 1);
    }

    public SchoolYear plus(int years) {
        return new SchoolYear(startYear + years);
    }

    @Override
    public int compareTo(SchoolYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @Override
    public String toString() {
        return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
    }
}
