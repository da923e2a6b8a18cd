package org.lodestar.execution.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.execution.Task;
import org.lodestar.execution.WorkItem;

/**
 * The timeline drawn as SVG on the server (it prints as it shows, and a test reads it): one row per dated task, a bar
 * from its start to the end of its due day (a task with one date, or a milestone, a day's mark), an arrow from the end
 * of each task to the start of each task that waits for it, a line at today, and the first of each month marked.
 * Tasks without any date are listed apart by the page.
 */
final class TimelineLayout {

    static final int LABEL_WIDTH = 300;
    static final int CHART_WIDTH = 900;
    static final int ROW_HEIGHT = 28;
    static final int TOP = 34;

    record Bar(WorkItem item, int row, double x, double width, double y, boolean milestone, boolean overdue) {

        double end() {
            return x + width;
        }

        double middle() {
            return y + ROW_HEIGHT / 2.0 - 4;
        }
    }

    record Arrow(UUID from, UUID to, String path) {}

    record Tick(double x, LocalDate month) {}

    record Layout(
            List<Bar> bars,
            List<Arrow> arrows,
            List<Tick> ticks,
            Double todayX,
            int width,
            int height,
            LocalDate first,
            LocalDate last,
            List<WorkItem> undated) {}

    static Layout of(List<WorkItem> items, LocalDate today) {
        List<WorkItem> dated = new ArrayList<>();
        List<WorkItem> undated = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        for (WorkItem item : items) {
            LocalDate start = start(item.task());
            LocalDate due = due(item.task());
            if (start == null) {
                undated.add(item);
                continue;
            }
            dated.add(item);
            first = first == null || start.isBefore(first) ? start : first;
            last = last == null || due.isAfter(last) ? due : last;
        }
        if (dated.isEmpty()) {
            return new Layout(
                    List.of(), List.of(), List.of(), null, LABEL_WIDTH + CHART_WIDTH, TOP, null, null, undated);
        }
        if (today.isBefore(first)) {
            first = today;
        }
        if (today.isAfter(last)) {
            last = today;
        }
        first = first.withDayOfMonth(1);
        last = last.plusMonths(1).withDayOfMonth(1).minusDays(1);
        double days = ChronoUnit.DAYS.between(first, last) + 1;
        double dayWidth = CHART_WIDTH / days;
        LocalDate origin = first;
        List<Bar> bars = new ArrayList<>();
        Map<UUID, Bar> byTask = new HashMap<>();
        for (int row = 0; row < dated.size(); row++) {
            WorkItem item = dated.get(row);
            Task task = item.task();
            double x = LABEL_WIDTH + ChronoUnit.DAYS.between(origin, start(task)) * dayWidth;
            double width = (ChronoUnit.DAYS.between(start(task), due(task)) + 1) * dayWidth;
            Bar bar = new Bar(item, row, x, width, TOP + row * ROW_HEIGHT, task.milestone(), task.overdueOn(today));
            bars.add(bar);
            byTask.put(task.id(), bar);
        }
        List<Arrow> arrows = new ArrayList<>();
        for (Bar bar : bars) {
            for (UUID before : bar.item().task().dependsOn()) {
                Bar from = byTask.get(before);
                if (from == null) {
                    continue;
                }
                double x1 = from.end();
                double y1 = from.middle() + 4;
                double x2 = bar.x();
                double y2 = bar.middle() + 4;
                double elbow = Math.max(x1 + 6, Math.min(x2 - 6, x1 + 6));
                arrows.add(new Arrow(
                        before,
                        bar.item().task().id(),
                        "M %.1f %.1f H %.1f V %.1f H %.1f".formatted(x1, y1, elbow, y2, x2)));
            }
        }
        List<Tick> ticks = new ArrayList<>();
        for (LocalDate month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            ticks.add(new Tick(LABEL_WIDTH + ChronoUnit.DAYS.between(origin, month) * dayWidth, month));
        }
        double todayX = LABEL_WIDTH + (ChronoUnit.DAYS.between(origin, today) + 0.5) * dayWidth;
        return new Layout(
                bars,
                arrows,
                ticks,
                todayX,
                LABEL_WIDTH + CHART_WIDTH,
                TOP + dated.size() * ROW_HEIGHT + 10,
                first,
                last,
                undated);
    }

    private static LocalDate start(Task task) {
        return task.startDate() != null ? task.startDate() : task.dueDate();
    }

    private static LocalDate due(Task task) {
        return task.dueDate() != null ? task.dueDate() : task.startDate();
    }

    private TimelineLayout() {}
}
