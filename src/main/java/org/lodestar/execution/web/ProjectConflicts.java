package org.lodestar.execution.web;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.execution.Project;
import org.lodestar.shared.EditConflict;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A person's entries for a project beside what is saved now, in words they read (names, not ids). */
@Component
class ProjectConflicts {

    private final DirectoryApi directory;
    private final MessageSource messages;

    ProjectConflicts(DirectoryApi directory, MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
    }

    EditConflict between(UUID districtId, ProjectForm yours, Project saved, Locale locale) {
        Map<UUID, String> names = directory.namesById(districtId);
        return EditConflict.between(fields(yours, names, locale), fields(ProjectForm.of(saved), names, locale));
    }

    private Map<String, String> fields(ProjectForm project, Map<UUID, String> names, Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("plan.title", project.title());
        fields.put("plan.owner", project.ownerId() == null ? null : names.get(project.ownerId()));
        fields.put(
                "plan.projectStatus",
                messages.getMessage("project.status." + project.status().name(), null, locale));
        // written as the tree writes it (a refused entry never gets this far)
        fields.put(
                "project.dueDate",
                DueDates.read(project.dueDate())
                        .map(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                                .withLocale(locale)::format)
                        .orElse(null));
        return fields;
    }
}
