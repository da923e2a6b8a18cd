package org.lodestar.execution.updates;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How often an owner is expected to update an item of a tier. */
public enum Cadence {
    WEEKLY(7),
    MONTHLY(30),
    QUARTERLY(91),
    OFF(0);

    private final int days;

    Cadence(int days) {
        this.days = days;
    }

    /** Days between updates (0 when off). */
    public int days() {
        return days;
    }

    /**
     * Days before the due day that the request goes out: a week ahead, or half the cadence when that is shorter, so
     * the owner can answer by the due day.
     */
    public int requestLead() {
        return Math.min(7, days / 2);
    }

    /** The first day of the calendar period (week, month, quarter) a day falls in: when a never-updated item fell due. */
    public LocalDate periodStart(LocalDate day) {
        return switch (this) {
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1);
            case QUARTERLY ->
                day.withMonth(((day.getMonthValue() - 1) / 3) * 3 + 1).withDayOfMonth(1);
            case OFF -> day;
        };
    }
}
