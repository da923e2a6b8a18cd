package org.lodestar.execution.web;

import java.util.UUID;
import org.lodestar.execution.Project;
import org.lodestar.execution.ProjectStatus;

/**
 * A project as its edit form and its place in the tree show it.
 *
 * @param version the version the entries were made from, sent back with them
 */
record ProjectForm(UUID id, String title, UUID ownerId, ProjectStatus status, int version) {

    static ProjectForm of(Project project) {
        return new ProjectForm(project.id(), project.title(), project.ownerId(), project.status(), project.version());
    }

    /** The same entries, to be saved over the project as it is saved now. */
    ProjectForm at(int savedVersion) {
        return new ProjectForm(id, title, ownerId, status, savedVersion);
    }
}
