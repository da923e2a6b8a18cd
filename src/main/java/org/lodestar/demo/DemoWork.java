package org.lodestar.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** A task of the demo: days counted from the day the demo is loaded; {@code after} the tasks it waits for. */
    private record DemoTask(
            String title, String owner, int startIn, int dueIn, ProjectStatus status, int percent, String... after) {}

    private static DemoTask task(
            String title, String owner, int startIn, int dueIn, ProjectStatus status, int percent, String... after) {
        return new DemoTask(title, owner, startIn, dueIn, status, percent, after);
    }

    /** A milestone: one date. */
    private static DemoTask milestone(String title, String owner, int dueIn, ProjectStatus status, String... after) {
        return new DemoTask(
                title, owner, Integer.MIN_VALUE, dueIn, status, status == ProjectStatus.DONE ? 100 : 0, after);
    }

    /**
     * Tasks and milestones under some of the plans' projects, spread over a district and a school plan: a chain of
     * tasks each waiting for the one before, a blocked and an overdue task, a milestone due this week, comments by the
     * people doing the work, and a teacher reporting on her own task; so the list, board, timeline and "my work" are
     * alive and the roll-ups move.
     */
    void tasks() {
        SignedInUser planner = people.as("planner");
        SignedInUser principal = people.as("principal");
        UUID district = planner.districtId();
        Map<String, UUID> projects = new HashMap<>();
        execution.projects(district).forEach(project -> projects.put(project.title(), project.id()));
        Map<String, UUID> made = new HashMap<>();

        UUID schedule = projects.get("Schedule a daily 30-minute intervention block");
        add(
                principal,
                schedule,
                made,
                task("Survey K-3 teachers on schedule constraints", "principal", -30, -20, ProjectStatus.DONE, 100),
                task(
                        "Draft the new bell schedule",
                        "principal",
                        -19,
                        -5,
                        ProjectStatus.ON_TRACK,
                        80,
                        "Survey K-3 teachers on schedule constraints"),
                milestone(
                        "Site council approves the schedule",
                        "principal",
                        3,
                        ProjectStatus.NOT_STARTED,
                        "Draft the new bell schedule"),
                task(
                        "Train teachers to run intervention groups",
                        "teacher",
                        4,
                        20,
                        ProjectStatus.NOT_STARTED,
                        0,
                        "Site council approves the schedule"),
                milestone(
                        "Intervention block starts",
                        "principal",
                        21,
                        ProjectStatus.NOT_STARTED,
                        "Train teachers to run intervention groups"));
        execution.comment(
                principal,
                schedule,
                null,
                "The site council meets on the 3rd; the draft goes to every K-3 teacher a week before.");
        execution.comment(
                people.as("teacher"),
                schedule,
                made.get("Train teachers to run intervention groups"),
                "The grade 2 team asks for the block right after lunch, when the reading specialist is free.");

        UUID volunteers = projects.get("Recruit and train reading volunteers");
        add(
                principal,
                volunteers,
                made,
                task("Background checks for 12 volunteers", "teacher", -40, -8, ProjectStatus.ON_TRACK, 30),
                task(
                        "Volunteer training session",
                        "teacher",
                        10,
                        10,
                        ProjectStatus.NOT_STARTED,
                        0,
                        "Background checks for 12 volunteers"));
        // the teacher owns the checks: she reports them blocked herself
        execution.reportTask(
                people.as("teacher"), made.get("Background checks for 12 volunteers"), ProjectStatus.BLOCKED, 40);
        execution.comment(
                people.as("teacher"),
                volunteers,
                made.get("Background checks for 12 volunteers"),
                "The district's background-check vendor is backlogged: 5 of 12 are back.");

        UUID coaches = projects.get("Place a literacy coach in every elementary school");
        SignedInUser curriculum = people.as("curriculum");
        add(
                curriculum,
                coaches,
                made,
                task("Post the coach positions", "hr", -60, -45, ProjectStatus.DONE, 100),
                task(
                        "Interview and hire 8 coaches",
                        "curriculum",
                        -44,
                        10,
                        ProjectStatus.ON_TRACK,
                        60,
                        "Post the coach positions"),
                milestone(
                        "Every elementary school has its coach",
                        "curriculum",
                        30,
                        ProjectStatus.NOT_STARTED,
                        "Interview and hire 8 coaches"),
                task(
                        "Coach onboarding week",
                        "curriculum",
                        31,
                        37,
                        ProjectStatus.NOT_STARTED,
                        0,
                        "Every elementary school has its coach"));
        execution.comment(curriculum, coaches, null, "Six of eight offers accepted; two schools re-posted.");

        UUID tickets = projects.get("Choose a ticketing system");
        SignedInUser technology = people.as("technology");
        add(
                technology,
                tickets,
                made,
                task("Compare three help-desk vendors", "technology", -50, -10, ProjectStatus.AT_RISK, 70),
                task(
                        "Pilot the chosen system at two schools",
                        "technology",
                        -9,
                        20,
                        ProjectStatus.OFF_TRACK,
                        20,
                        "Compare three help-desk vendors"));

        UUID liaisons = projects.get("Hire two family liaisons for the east side");
        SignedInUser services = people.as("services");
        add(
                services,
                liaisons,
                made,
                task("Budget approval for two positions", "services", -20, -5, ProjectStatus.BLOCKED, 50),
                task(
                        "Interview bilingual candidates",
                        "services",
                        0,
                        14,
                        ProjectStatus.NOT_STARTED,
                        0,
                        "Budget approval for two positions"));
        execution.comment(
                services,
                liaisons,
                null,
                "Waiting for the board's mid-year budget amendment before the positions can be posted.");
    }

    private void add(SignedInUser editor, UUID projectId, Map<String, UUID> made, DemoTask... tasks) {
        LocalDate today = LocalDate.now();
        for (DemoTask task : tasks) {
            boolean milestone = task.startIn() == Integer.MIN_VALUE;
            UUID id = execution.addTask(
                    editor,
                    projectId,
                    task.title(),
                    people.id(task.owner()),
                    milestone ? null : today.plusDays(task.startIn()),
                    today.plusDays(task.dueIn()),
                    task.status(),
                    task.percent(),
                    milestone);
            made.put(task.title(), id);
            for (String before : task.after()) {
                execution.dependOn(editor, id, made.get(before));
            }
        }
    }

    private UUID strategyPlan(SignedInUser editor, UUID strategyId) {
        return planning.strategy(editor.districtId(), strategyId).orElseThrow().planId();
    }
}
