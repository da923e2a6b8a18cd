package org.lodestar.execution.web;

import java.util.UUID;
import org.lodestar.execution.Project;
import org.lodestar.execution.ProjectStatus;

/**
 * A project as its edit form and its place in the tree show it.
 *
 * @param dueDate as the date input sends it (year-month-day, whatever the page's language), blank for none; kept as
 *     typed so that a refused one comes back to be corrected
 * @param version the version the entries were made from, sent back with them
 */
record ProjectForm(UUID id, String title, UUID ownerId, ProjectStatus status, String dueDate, int version) {

    static ProjectForm of(Project project) {
        return new ProjectForm(
                project.id(),
                project.title(),
                project.ownerId(),
                project.status(),
                project.dueDate() == null ? "" : project.dueDate().toString(),
                project.version());
    }

    /** The same entries, to be saved over the project as it is saved now. */
    ProjectForm at(int savedVersion) {
        return new ProjectForm(id, title, ownerId, status, dueDate, savedVersion);
    }
}
