package org.lodestar.shared;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * How far a piece of work is, and how much it weighs when rolled up: tasks into their project, projects into their
 * action, actions into their goal. The rule, shown on the pages in words: each item counts in proportion to its planned
 * duration, the days from its start to its due date counted inclusively (a one-day task or a milestone weighs one
 * day); an item without both dates counts as one day; a done item counts as 100% whatever percent it was given.
 * A project's own percent is used only while it has no tasks. An action weighs the sum of its projects' weights, so a
 * goal's progress is the duration-weighted mean over every project under it.
 *
 * @param percent 0 to 100, unrounded
 * @param weightDays what it weighs in a roll-up; 0 for nothing to roll up
 */
public record Progress(double percent, long weightDays) {

    public static final Progress NONE = new Progress(0, 0);

    /** The days from start to due, both counted; 1 when either is missing or they are out of order. */
    public static long plannedDays(LocalDate start, LocalDate due) {
        if (start == null || due == null || due.isBefore(start)) {
            return 1;
        }
        return ChronoUnit.DAYS.between(start, due) + 1;
    }

    /** One item's progress: its percent (100 when done), weighing its planned duration. */
    public static Progress of(int percent, boolean done, LocalDate start, LocalDate due) {
        return new Progress(done ? 100 : Math.max(0, Math.min(100, percent)), plannedDays(start, due));
    }

    /** The weighted mean of the parts, weighing their summed weights; {@link #NONE} when there are none. */
    public static Progress combine(Collection<Progress> parts) {
        long weight = 0;
        double sum = 0;
        for (Progress part : parts) {
            weight += part.weightDays();
            sum += part.percent() * part.weightDays();
        }
        return weight == 0 ? NONE : new Progress(sum / weight, weight);
    }

    /** The same percent, weighing {@code days} instead (a project's own duration over its tasks' sum). */
    public Progress weighing(long days) {
        return new Progress(percent, days);
    }

    /** Whether there was anything to roll up. */
    public boolean known() {
        return weightDays > 0;
    }

    /** The percent as a page shows it: rounded half up to a whole number. */
    public int rounded() {
        return (int) Math.floor(percent + 0.5);
    }
}
