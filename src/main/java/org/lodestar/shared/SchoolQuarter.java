package org.lodestar.shared;

import java.time.LocalDate;

/**
 * A quarter of a school year: the school year's twelve months from the district's start month, three by three, so a
 * district whose year starts in July has Q1 July to September and Q4 April to June. Quarter 0 stands for the whole
 * school year (a lock made at the year-end evaluation).
 *
 * @param schoolYear the calendar year the school year starts in
 * @param quarter 1 to 4, or 0 for the whole year
 */
public record SchoolQuarter(int schoolYear, int quarter) {

    public SchoolQuarter {
        if (quarter < 0 || quarter > 4) {
            throw new IllegalArgumentException("A quarter is 1 to 4 (0: the whole year): " + quarter);
        }
        new SchoolYear(schoolYear);
    }

    public boolean wholeYear() {
        return quarter == 0;
    }

    /** The first day of the quarter (of the school year when it is the whole year). */
    public LocalDate start(int startMonth) {
        return LocalDate.of(schoolYear, startMonth, 1).plusMonths(wholeYear() ? 0 : 3L * (quarter - 1));
    }

    /** The last day of the quarter (of the school year when it is the whole year). */
    public LocalDate end(int startMonth) {
        return start(startMonth).plusMonths(wholeYear() ? 12 : 3).minusDays(1);
    }

    /** The quarter a day falls in, for a district whose school year starts in {@code startMonth}. */
    public static SchoolQuarter containing(LocalDate date, int startMonth) {
        SchoolYear year = SchoolYear.containing(date, startMonth);
        int monthsIn = (date.getYear() - year.startYear()) * 12 + date.getMonthValue() - startMonth;
        return new SchoolQuarter(year.startYear(), monthsIn / 3 + 1);
    }

    /** The school year, written "2025-26". */
    public String year() {
        return new SchoolYear(schoolYear).toString();
    }

    /** Written "Q2 2025-26", or "2025-26" for the whole year (pages word it in their language instead). */
    @Override
    public String toString() {
        return wholeYear() ? new SchoolYear(schoolYear).toString() : "Q" + quarter + " " + new SchoolYear(schoolYear);
    }
}
