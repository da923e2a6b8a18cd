package org.lodestar.execution.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.ExecutionApi;
import org.lodestar.execution.Project;
import org.lodestar.execution.ProjectStatus;
import org.lodestar.execution.domain.ProjectEditing;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Projects, edited in place in a plan's tree (which planning draws and execution fills): after a change the tree
 * reloads itself ({@code plan-changed}); an error or a save made over someone else's newer one (409) shows the form
 * again in place, with both versions. Without htmx every change ends on the plan page, in edit mode.
 */
@Controller
class ProjectsController {

    private static final String ADD = "execution/project-parts :: add-form";
    private static final String EDIT = "execution/project-parts :: edit";
    private static final String NODE = "execution/project-parts :: saved-node";

    private final ExecutionApi execution;
    private final ProjectEditing editing;
    private final DirectoryApi directory;
    private final ProjectConflicts conflicts;

    ProjectsController(
            ExecutionApi execution, ProjectEditing editing, DirectoryApi directory, ProjectConflicts conflicts) {
        this.execution = execution;
        this.editing = editing;
        this.directory = directory;
        this.conflicts = conflicts;
    }

    @PostMapping("/strategies/{strategyId}/projects")
    String add(
            @PathVariable UUID strategyId,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(required = false) UUID owner,
            @AuthenticationPrincipal SignedInUser user,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        UUID planId = editing.strategyOf(user.districtId(), strategyId).planId();
        model.addAttribute("strategyId", strategyId);
        if (title.isBlank() || title.length() > 300) {
            model.addAttribute("titleError", true);
            return htmx == null ? "execution/project-new" : ADD;
        }
        editing.add(user, strategyId, title.strip(), owner);
        return treeChanged(htmx, planId, response, ADD);
    }

    @GetMapping("/projects/{id}/edit")
    String edit(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        Project project = editable(user, id);
        return editForm(user, ProjectForm.of(project), model);
    }

    @PostMapping("/projects/{id}")
    String update(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(required = false) UUID owner,
            @RequestParam(defaultValue = "NOT_STARTED") ProjectStatus status,
            @RequestParam(defaultValue = "") String dueDate,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser user,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        Project current = editable(user, id);
        ProjectForm yours = new ProjectForm(id, title, owner, status, dueDate, version);
        boolean titleFits = !title.isBlank() && title.length() <= 300;
        if (!titleFits || !DueDates.valid(dueDate)) {
            model.addAttribute("titleError", !titleFits);
            model.addAttribute("dueDateError", !DueDates.valid(dueDate));
            return editForm(user, yours, model);
        }
        try {
            editing.update(
                    user,
                    id,
                    title.strip(),
                    owner,
                    status,
                    DueDates.read(dueDate).orElse(null),
                    version);
        } catch (EditConflictException conflict) {
            Project saved = editable(user, id);
            model.addAttribute("conflict", conflicts.between(user.districtId(), yours, saved, locale));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return editForm(user, yours.at(saved.version()), model);
        }
        return treeChanged(htmx, planOf(user, current), response, nodeOf(user, id, model));
    }

    @PostMapping("/projects/{id}/move")
    String move(
            @PathVariable UUID id,
            @RequestParam boolean up,
            @AuthenticationPrincipal SignedInUser user,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        Project project = editable(user, id);
        editing.move(user, id, up);
        return treeChanged(htmx, planOf(user, project), response, nodeOf(user, id, model));
    }

    @PostMapping("/projects/{id}/delete")
    String delete(
            @PathVariable UUID id,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser user,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        Project project = editable(user, id);
        try {
            editing.remove(user, id, version);
        } catch (EditConflictException conflict) {
            // the project as saved now, with its new version, and why it is still there
            model.addAttribute("notDeleted", id);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return nodeOf(user, id, model);
        }
        return treeChanged(htmx, planOf(user, project), response, "execution/project-parts :: deleted");
    }

    private Project editable(SignedInUser user, UUID id) {
        Project project = execution.project(user.districtId(), id).orElseThrow(() -> new NotFoundException("item"));
        ForbiddenException.unless(editing.canEdit(user, project.strategyId()));
        return project;
    }

    private UUID planOf(SignedInUser user, Project project) {
        return editing.strategyOf(user.districtId(), project.strategyId()).planId();
    }

    /** The project's row as the plan's edit mode shows it (only those who may edit reach here). */
    private String nodeOf(SignedInUser user, UUID id, Model model) {
        execution.project(user.districtId(), id).map(Project::planned).ifPresent(p -> model.addAttribute("project", p));
        model.addAttribute("owners", directory.namesById(user.districtId()));
        model.addAttribute("editing", true);
        model.addAttribute("today", LocalDate.now());
        return NODE;
    }

    private String editForm(SignedInUser user, ProjectForm project, Model model) {
        model.addAttribute("project", project);
        model.addAttribute("people", directory.people(user.districtId()));
        return EDIT;
    }

    /** htmx: the given fragment, and the tree reloads itself; a plain form post ends on the plan page. */
    private static String treeChanged(String htmx, UUID planId, HttpServletResponse response, String fragment) {
        if (htmx == null) {
            return "redirect:/plans/" + planId + "?mode=edit";
        }
        response.setHeader("HX-Trigger", "plan-changed");
        return fragment;
    }
}
