package org.lodestar.execution.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.execution.Project;
import org.lodestar.execution.ProjectStatus;
import org.lodestar.execution.rules.WorkDates;

/** A project's details as its page's form shows and sends them; dates and percent kept as typed. */
record ProjectDetailsForm(
        UUID id,
        String title,
        UUID owner,
        List<UUID> people,
        ProjectStatus status,
        String startDate,
        String dueDate,
        String percent,
        String description,
        int version) {

    ProjectDetailsForm {
        title = title == null ? "" : title;
        people = people == null ? List.of() : List.copyOf(people);
        status = status == null ? ProjectStatus.NOT_STARTED : status;
        description = description == null ? "" : description;
    }

    static ProjectDetailsForm of(Project project, List<UUID> people) {
        return new ProjectDetailsForm(
                project.id(),
                project.title(),
                project.ownerId(),
                people,
                project.status(),
                project.startDate() == null ? "" : project.startDate().toString(),
                project.dueDate() == null ? "" : project.dueDate().toString(),
                Integer.toString(project.percentComplete()),
                project.description() == null ? "" : project.description(),
                project.version());
    }

    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (title.isBlank() || title.length() > 300) {
            problems.put("title", "plan.titleRequired");
        }
        problems.putAll(WorkDates.problems(startDate, dueDate, percent, false));
        if (description.length() > 4000) {
            problems.put("description", "work.descriptionTooLong");
        }
        return problems;
    }

    /** The entries over the saved project (its strategy and position kept). */
    Project over(Project saved) {
        return new Project(
                id,
                saved.strategyId(),
                title.strip(),
                owner,
                saved.position(),
                status,
                WorkDates.read(startDate).orElse(null),
                WorkDates.read(dueDate).orElse(null),
                WorkDates.percent(percent).orElse(0),
                description.isBlank() ? null : description.strip(),
                version);
    }

    ProjectDetailsForm at(int savedVersion) {
        return new ProjectDetailsForm(
                id, title, owner, people, status, startDate, dueDate, percent, description, savedVersion);
    }
}
