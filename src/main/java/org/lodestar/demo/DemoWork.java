package org.lodestar.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.ExecutionApi;
import org.lodestar.execution.ProjectStatus;
import org.lodestar.planning.PlanningApi;

/** Strategies and their projects, entered by a plan's editor and brought up to date by the projects' owners. */
final class DemoWork {

    /** A strategy and its projects; {@code owner} names a demo person (see {@link DemoPeople}). */
    record Strategy(String title, String owner, List<Project> projects) {}

    /**
     * A project; {@code owner} null for one nobody took on yet, {@code dueInDays} counted from the day the demo is
     * loaded, so that "overdue" and "due soon" stay true whenever it is first started.
     */
    record Project(String title, String owner, ProjectStatus status, int dueInDays) {}

    static Strategy strategy(String title, String owner, Project... projects) {
        return new Strategy(title, owner, List.of(projects));
    }

    static Project project(String title, String owner, ProjectStatus status, int dueInDays) {
        return new Project(title, owner, status, dueInDays);
    }

    private final PlanningApi planning;
    private final ExecutionApi execution;
    private final DemoPeople people;

    DemoWork(PlanningApi planning, ExecutionApi execution, DemoPeople people) {
        this.planning = planning;
        this.execution = execution;
        this.people = people;
    }

    /**
     * The editor adds the strategies and projects with their owners and due dates; a project under way, blocked or done
     * got there by a later update (by its owner where that person may edit the plan, else by the editor).
     */
    void add(SignedInUser editor, UUID goal, List<Strategy> strategies) {
        for (Strategy strategy : strategies) {
            UUID strategyId = planning.addStrategy(editor, goal, strategy.title(), people.id(strategy.owner()));
            for (Project project : strategy.projects()) {
                UUID owner = project.owner() == null ? null : people.id(project.owner());
                UUID id = execution.addProject(editor, strategyId, project.title(), owner);
                execution.setDueDate(editor, id, LocalDate.now().plusDays(project.dueInDays()), 0);
                if (project.status() != ProjectStatus.NOT_STARTED) {
                    SignedInUser updater = editor;
                    if (project.owner() != null
                            && planning.canEdit(people.as(project.owner()), strategyPlan(editor, strategyId))) {
                        updater = people.as(project.owner());
                    }
                    execution.setStatus(updater, id, project.status(), 1);
                }
            }
        }
    }

    private UUID strategyPlan(SignedInUser editor, UUID strategyId) {
        return planning.strategy(editor.districtId(), strategyId).orElseThrow().planId();
    }
}
