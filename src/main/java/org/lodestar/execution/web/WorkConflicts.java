package org.lodestar.execution.web;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.execution.ProjectStatus;
import org.lodestar.execution.rules.WorkDates;
import org.lodestar.shared.EditConflict;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A person's entries for a project's details or a task beside what is saved now, in words (names, not ids). */
@Component
class WorkConflicts {

    private final DirectoryApi directory;
    private final MessageSource messages;

    WorkConflicts(DirectoryApi directory, MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
    }

    EditConflict between(UUID districtId, ProjectDetailsForm yours, ProjectDetailsForm saved, Locale locale) {
        Map<UUID, String> names = directory.namesById(districtId);
        return EditConflict.between(fields(yours, names, locale), fields(saved, names, locale));
    }

    EditConflict between(UUID districtId, TaskForm yours, TaskForm saved, Locale locale) {
        Map<UUID, String> names = directory.namesById(districtId);
        return EditConflict.between(fields(yours, names, locale), fields(saved, names, locale));
    }

    private Map<String, String> fields(ProjectDetailsForm form, Map<UUID, String> names, Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("plan.title", form.title());
        fields.put("plan.owner", form.owner() == null ? null : names.get(form.owner()));
        fields.put("work.people", people(form.people(), names));
        fields.put("work.status", status(form.status(), locale));
        fields.put("work.startDate", date(form.startDate(), locale));
        fields.put("project.dueDate", date(form.dueDate(), locale));
        fields.put("work.percent", form.percent());
        fields.put("work.description", form.description());
        return fields;
    }

    private Map<String, String> fields(TaskForm form, Map<UUID, String> names, Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("plan.title", form.title());
        fields.put("plan.owner", form.owner() == null ? null : names.get(form.owner()));
        fields.put("work.people", people(form.people(), names));
        fields.put("work.startDate", form.milestone() ? null : date(form.startDate(), locale));
        fields.put("project.dueDate", date(form.dueDate(), locale));
        fields.put("work.status", status(form.status(), locale));
        fields.put("work.percent", form.percent());
        fields.put(
                "work.milestone",
                messages.getMessage(form.milestone() ? "history.value.yes" : "history.value.no", null, locale));
        return fields;
    }

    private String status(ProjectStatus status, Locale locale) {
        return messages.getMessage("project.status." + status.name(), null, locale);
    }

    private static String people(List<UUID> people, Map<UUID, String> names) {
        return people.stream().map(names::get).sorted().collect(Collectors.joining(", "));
    }

    private static String date(String text, Locale locale) {
        return WorkDates.read(text)
                .map(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)::format)
                .orElse(text);
    }
}
