package org.lodestar.execution.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lodestar.planning.PlanSummary;
import org.lodestar.shared.Bilingual;

/**
 * The first twelve months of a plan, month by month from its start: the milestones of its projects and the projects'
 * due dates, across all its goals, each naming its goal and action; three months make a quarter (a printed page).
 *
 * @param start the first day of its first month
 * @param undated milestones and projects with no date, not placed on the roadmap
 * @param outside milestones and projects dated before or after the twelve months
 */
public record Roadmap(PlanSummary plan, LocalDate start, List<Quarter> quarters, int undated, int outside) {

    public static final int MONTHS = 12;

    /** What a row is: a milestone of a project, or the day a project is due. */
    public enum Kind {
        MILESTONE,
        PROJECT_DUE
    }

    /**
     * A milestone or a project's due date.
     *
     * @param project the project's title (the row's own title for a project's due date)
     * @param status the milestone's or project's status, as {@code ProjectStatus} names it
     */
    public record Row(
            LocalDate date,
            Kind kind,
            String title,
            String project,
            java.util.UUID projectId,
            Bilingual goal,
            Bilingual action,
            String owner,
            String status,
            boolean overdue) {}

    public record Month(YearMonth month, List<Row> rows) {

        public LocalDate firstDay() {
            return month.atDay(1);
        }
    }

    /** Three months; {@code number} 1 to 4 counted from the plan's start. */
    public record Quarter(int number, List<Month> months) {

        public long rowCount() {
            return months.stream().mapToLong(month -> month.rows().size()).sum();
        }
    }

    /** The last day of the twelfth month. */
    public LocalDate end() {
        return YearMonth.from(start).plusMonths(MONTHS - 1).atEndOfMonth();
    }

    public long rowCount() {
        return quarters.stream().mapToLong(Quarter::rowCount).sum();
    }

    /**
     * Places the rows dated within twelve months from {@code start} in their months (by date, then title), and counts
     * those left out.
     */
    public static Roadmap of(PlanSummary plan, LocalDate start, List<Row> dated, int undated) {
        YearMonth first = YearMonth.from(start);
        List<List<Row>> byMonth = new ArrayList<>();
        for (int m = 0; m < MONTHS; m++) {
            byMonth.add(new ArrayList<>());
        }
        int outside = 0;
        List<Row> sorted = new ArrayList<>(dated);
        sorted.sort(Comparator.comparing(Row::date).thenComparing(Row::kind).thenComparing(Row::title));
        for (Row row : sorted) {
            long index = first.until(YearMonth.from(row.date()), java.time.temporal.ChronoUnit.MONTHS);
            if (row.date().isBefore(first.atDay(1)) || index >= MONTHS) {
                outside++;
                continue;
            }
            byMonth.get((int) index).add(row);
        }
        List<Quarter> quarters = new ArrayList<>();
        for (int q = 0; q < MONTHS / 3; q++) {
            List<Month> months = new ArrayList<>();
            for (int m = q * 3; m < q * 3 + 3; m++) {
                months.add(new Month(first.plusMonths(m), List.copyOf(byMonth.get(m))));
            }
            quarters.add(new Quarter(q + 1, List.copyOf(months)));
        }
        return new Roadmap(plan, first.atDay(1), List.copyOf(quarters), undated, outside);
    }
}
