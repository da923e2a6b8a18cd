package org.lodestar.execution.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.execution.ProjectStatus;
import org.lodestar.execution.Task;
import org.lodestar.execution.rules.WorkDates;

/**
 * A task as its form shows and sends it: dates and percent kept as typed, so a refused entry comes back to be
 * corrected. A milestone has one date, its due date.
 *
 * @param version the version the entries were made from
 */
record TaskForm(
        UUID id,
        UUID projectId,
        String title,
        UUID owner,
        List<UUID> people,
        String startDate,
        String dueDate,
        ProjectStatus status,
        String percent,
        boolean milestone,
        int version) {

    TaskForm {
        title = title == null ? "" : title;
        people = people == null ? List.of() : List.copyOf(people);
        status = status == null ? ProjectStatus.NOT_STARTED : status;
    }

    static TaskForm empty(UUID projectId) {
        return new TaskForm(null, projectId, "", null, List.of(), "", "", ProjectStatus.NOT_STARTED, "0", false, 0);
    }

    static TaskForm of(Task task) {
        return new TaskForm(
                task.id(),
                task.projectId(),
                task.title(),
                task.ownerId(),
                task.people(),
                task.startDate() == null ? "" : task.startDate().toString(),
                task.dueDate() == null ? "" : task.dueDate().toString(),
                task.status(),
                Integer.toString(task.percentComplete()),
                task.milestone(),
                task.version());
    }

    /** Refusals by field name to message keys; empty when the entries can be saved. */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (title.isBlank() || title.length() > 300) {
            problems.put("title", "plan.titleRequired");
        }
        problems.putAll(WorkDates.problems(milestone ? "" : startDate, dueDate, percent, milestone));
        return problems;
    }

    /** The entries as a task (only once {@link #problems()} is empty). */
    Task task() {
        var due = WorkDates.read(dueDate).orElse(null);
        var start = milestone ? due : WorkDates.read(startDate).orElse(null);
        return new Task(
                id,
                projectId,
                title.strip(),
                owner,
                start,
                due,
                status,
                WorkDates.percent(percent).orElse(0),
                milestone,
                0,
                people.stream().distinct().toList(),
                List.of(),
                version);
    }

    TaskForm at(int savedVersion) {
        return new TaskForm(
                id, projectId, title, owner, people, startDate, dueDate, status, percent, milestone, savedVersion);
    }
}
