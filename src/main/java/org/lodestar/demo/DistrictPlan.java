package org.lodestar.demo;

import static org.lodestar.demo.DemoKpi.EVERY_SCHOOL;
import static org.lodestar.demo.DemoKpi.notAboutStudents;
import static org.lodestar.demo.DemoKpi.students;
import static org.lodestar.demo.DemoWork.project;
import static org.lodestar.demo.DemoWork.strategy;
import static org.lodestar.execution.ProjectStatus.BLOCKED;
import static org.lodestar.execution.ProjectStatus.DONE;
import static org.lodestar.execution.ProjectStatus.NOT_STARTED;
import static org.lodestar.execution.ProjectStatus.ON_TRACK;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.lodestar.directory.SchoolLevel;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.ExecutionApi;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.MeasuresApi;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanTranslation;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.Ids;

/**
 * The district's 2025-2029 strategic plan, as its planner entered it: five goals, each owned by the director who
 * answers for it, with two outcomes measured by 22 KPIs and strategies of its own, each with its projects.
 */
final class DistrictPlan {

    private static final Set<SchoolLevel> ELEMENTARY = Set.of(SchoolLevel.ELEMENTARY);
    private static final Set<SchoolLevel> MIDDLE = Set.of(SchoolLevel.MIDDLE);
    private static final Set<SchoolLevel> HIGH = Set.of(SchoolLevel.HIGH);
    private static final Set<SchoolLevel> SECONDARY = Set.of(SchoolLevel.MIDDLE, SchoolLevel.HIGH);
    private static final String STATE_TEST = "State assessment results";
    private static final String STUDENT_RECORDS = "Student information system";

    /** An outcome, owned by its goal's owner unless nobody has taken it on yet ({@code owned} false). */
    private record Outcome(String title, List<DemoKpi> kpis, boolean owned) {

        Outcome(String title, List<DemoKpi> kpis) {
            this(title, kpis, true);
        }
    }

    private final PlanningApi planning;
    private final MeasuresApi measures;
    private final DemoPeople people;
    private final DemoWork work;
    private final Map<UUID, DemoKpi> kpis = new LinkedHashMap<>();
    private final Map<UUID, String> enteredBy = new HashMap<>();
    private final List<UUID> goals = new ArrayList<>();

    DistrictPlan(PlanningApi planning, ExecutionApi execution, MeasuresApi measures, DemoPeople people) {
        this.planning = planning;
        this.measures = measures;
        this.people = people;
        this.work = new DemoWork(planning, execution, people);
    }

    void load() {
        SignedInUser planner = people.as("planner");
        UUID plan = Ids.next();
        planning.savePlan(
                planner,
                new PlanSummary(
                        plan,
                        null,
                        PlanKind.STRATEGIC,
                        "Lakeview 2030: Every Student Ready",
                        2025,
                        2029,
                        "Every Lakeview graduate is ready for college, career and community.",
                        "We engage every student in rigorous, joyful learning in safe and welcoming schools.",
                        "Equity · Excellence · Belonging · Integrity",
                        new PlanTranslation(
                                DemoSpanish.of("Lakeview 2030: Every Student Ready"),
                                DemoSpanish.of("Every Lakeview graduate is ready for college, career and community."),
                                DemoSpanish.of(
                                        "We engage every student in rigorous, joyful learning in safe and welcoming schools."),
                                DemoSpanish.of("Equity · Excellence · Belonging · Integrity")),
                        PlanStatus.DRAFT,
                        0));
        goal(
                plan,
                "Every student reads, writes and computes at grade level",
                "curriculum",
                true,
                new Outcome(
                        "Students read and compute at grade level by grades 3 and 8",
                        List.of(
                                students("Grade 3 reading proficiency", true, 58, 70, STATE_TEST, ELEMENTARY, 1, 1.3)
                                        .perGroup()
                                        .onPublicPage(),
                                students("Grade 8 math proficiency", true, 41, 55, STATE_TEST, MIDDLE, 1, 0.9)
                                        .perGroup()
                                        .onPublicPage(),
                                students(
                                        "Kindergarten readiness",
                                        true,
                                        63,
                                        72,
                                        "Fall kindergarten screener",
                                        ELEMENTARY,
                                        1,
                                        -0.6))),
                new Outcome(
                        "Graduates leave ready for college, career and community",
                        List.of(
                                students(
                                                "Four-year graduation rate",
                                                true,
                                                86,
                                                92,
                                                "State graduation cohort file",
                                                HIGH,
                                                1,
                                                1.0)
                                        .perGroup()
                                        .onPublicPage(),
                                students(
                                        "Students completing a college or career credential",
                                        true,
                                        38,
                                        50,
                                        "Career and technical education records",
                                        HIGH,
                                        1,
                                        null))),
                List.of(
                        strategy(
                                "Adopt one K-8 literacy and math curriculum, taught with instructional coaches",
                                "curriculum",
                                project("Select and adopt the K-5 literacy curriculum", "curriculum", DONE, -150),
                                project(
                                        "Place a literacy coach in every elementary school",
                                        "curriculum",
                                        ON_TRACK,
                                        45),
                                project(
                                        "Summer math institute for grade 6-8 teachers",
                                        "curriculum",
                                        NOT_STARTED,
                                        210)),
                        strategy(
                                "Screen every K-3 student three times a year and intervene within two weeks",
                                "planner",
                                project("Roll out the universal reading screener in K-3", "planner", DONE, -75),
                                project(
                                        "Build a daily intervention block into elementary schedules",
                                        "curriculum",
                                        ON_TRACK,
                                        -12)),
                        strategy(
                                "Expand dual credit and career pathways in every high school",
                                "planner",
                                project("Dual-credit agreement with Lakeview Community College", "planner", DONE, -200),
                                project(
                                        "Open the health-sciences pathway at Riverside High",
                                        "planner",
                                        BLOCKED,
                                        30))));
        goal(
                plan,
                "Close opportunity gaps between student groups",
                "services",
                true,
                new Outcome(
                        "English learners and students with disabilities learn alongside their peers",
                        List.of(
                                students(
                                                "English learners making progress toward proficiency",
                                                true,
                                                44,
                                                56,
                                                "State English-language proficiency test",
                                                EVERY_SCHOOL,
                                                0,
                                                0.3)
                                        .ofShare(0.14),
                                students(
                                                "Students with disabilities in general education 80%+ of the day",
                                                true, 61, 70, "Special education records", EVERY_SCHOOL, 0, 1.6)
                                        .ofShare(0.13))),
                new Outcome(
                        "Every group has access to advanced work and stays in class",
                        List.of(
                                students(
                                                "Advanced course enrollment, students of color",
                                                true,
                                                24,
                                                35,
                                                STUDENT_RECORDS,
                                                SECONDARY,
                                                0,
                                                -1.5)
                                        .ofShare(0.62)
                                        .onPublicPage(),
                                students("Suspension rate", false, 4.8, 2.5, STUDENT_RECORDS, EVERY_SCHOOL, 0, 0.8)
                                        .perGroup()
                                        .onPublicPage())),
                List.of(
                        strategy(
                                "Co-teach in inclusive classrooms so students with disabilities stay with their peers",
                                "services",
                                project(
                                        "Pair special and general educators in 20 co-taught classrooms",
                                        "services",
                                        ON_TRACK,
                                        90),
                                project("Inclusive-practice training for paraprofessionals", "services", DONE, -30)),
                        strategy(
                                "Replace exclusionary discipline with restorative practices",
                                "services",
                                project(
                                        "Revise the code of conduct with students and families",
                                        "services",
                                        ON_TRACK,
                                        -20),
                                project(
                                        "Restorative-circle training for middle school staff",
                                        "services",
                                        NOT_STARTED,
                                        120)),
                        strategy(
                                "Open advanced courses to every student who is ready for them",
                                "planner",
                                project(
                                        "Enroll every proficient seventh grader in advanced math",
                                        null,
                                        NOT_STARTED,
                                        150))));
        goal(
                plan,
                "Attract, grow and keep excellent educators",
                "hr",
                true,
                new Outcome(
                        "Every classroom has a qualified, experienced teacher",
                        List.of(
                                notAboutStudents(
                                        "Teacher retention rate",
                                        Kpi.Unit.PERCENT,
                                        true,
                                        84,
                                        90,
                                        "Human resources staff records",
                                        1.1),
                                notAboutStudents(
                                        "Teacher vacancies on the first day of school",
                                        Kpi.Unit.COUNT,
                                        false,
                                        37,
                                        10,
                                        "Human resources staff records",
                                        0.0))),
                new Outcome(
                        "Educators build their careers in Lakeview",
                        List.of(
                                notAboutStudents(
                                        "Staff who would recommend Lakeview as a workplace",
                                        Kpi.Unit.PERCENT,
                                        true,
                                        62,
                                        75,
                                        "Spring staff climate survey",
                                        1.3),
                                notAboutStudents(
                                        "New teachers completing mentoring",
                                        Kpi.Unit.PERCENT,
                                        true,
                                        71,
                                        95,
                                        "New-teacher induction records",
                                        0.9))),
                List.of(
                        strategy(
                                "Grow our own teachers from paraprofessionals and graduates",
                                "hr",
                                project("Tuition partnership with Lakeview State University", "hr", DONE, -180),
                                project("Enroll the first cohort of 15 paraprofessionals", "hr", ON_TRACK, 40)),
                        strategy(
                                "Mentor every new teacher for their first two years",
                                "curriculum",
                                project("Train 40 mentor teachers", "curriculum", DONE, -95),
                                project("Monthly seminars for first-year teachers", "curriculum", ON_TRACK, 180)),
                        strategy(
                                "Hire earlier with a spring job fair and early contracts",
                                "hr",
                                project(
                                        "Offer contracts to hard-to-fill positions by March",
                                        "hr",
                                        NOT_STARTED,
                                        100))));
        goal(
                plan,
                "Safe, healthy and welcoming schools",
                "services",
                true,
                new Outcome(
                        "Students come to school and feel they belong there",
                        List.of(
                                students("Chronic absenteeism", false, 21, 12, STUDENT_RECORDS, EVERY_SCHOOL, 0, 0.3)
                                        .perGroup()
                                        .onPublicPage(),
                                students(
                                        "Students who feel they belong at school",
                                        true,
                                        67,
                                        78,
                                        "Student climate survey, grades 3-12",
                                        EVERY_SCHOOL,
                                        0,
                                        1.0),
                                // a question first asked in this spring's survey, whose results are not in yet
                                students(
                                                "Students who name a trusted adult at school",
                                                true,
                                                70,
                                                85,
                                                "Student climate survey, grades 3-12",
                                                EVERY_SCHOOL,
                                                0,
                                                null)
                                        .firstMeasuredThisYear())),
                new Outcome(
                        "Families are partners in their children's schooling",
                        List.of(
                                students(
                                        "Families satisfied with school communication",
                                        true,
                                        71,
                                        80,
                                        "Annual family survey",
                                        EVERY_SCHOOL,
                                        0,
                                        1.6),
                                students(
                                        "Average daily attendance",
                                        true,
                                        92.1,
                                        95,
                                        STUDENT_RECORDS,
                                        EVERY_SCHOOL,
                                        0,
                                        0.8))),
                List.of(
                        strategy(
                                "Attendance teams that reach every family after the third absence",
                                "services",
                                project("Attendance dashboards for every principal", "technology", DONE, -45),
                                project("Hire two family liaisons for the east side", "services", BLOCKED, -5)),
                        strategy(
                                "Advisory periods and mental-health support in secondary schools",
                                "planner",
                                project("Contract school-based mental-health clinicians", "services", ON_TRACK, 75),
                                project(
                                        "Write the advisory curriculum for grades 6-9",
                                        "curriculum",
                                        NOT_STARTED,
                                        240))));
        goal(
                plan,
                "Modern technology for learning and operations",
                "technology",
                false,
                new Outcome(
                        "Every student can learn online at school and at home",
                        List.of(
                                students(
                                                "Students with a working device and home internet",
                                                true,
                                                88,
                                                99,
                                                "Device inventory and family survey",
                                                EVERY_SCHOOL,
                                                0,
                                                -1.5)
                                        .perGroup(),
                                notAboutStudents(
                                        "Help-desk tickets resolved within two days",
                                        Kpi.Unit.PERCENT,
                                        true,
                                        74,
                                        90,
                                        "Help-desk ticket system",
                                        1.1))),
                new Outcome(
                        "Technology serves teaching and costs less to run",
                        List.of(
                                notAboutStudents(
                                        "Teachers using the learning platform weekly",
                                        Kpi.Unit.PERCENT,
                                        true,
                                        55,
                                        85,
                                        "Learning platform logs",
                                        0.0),
                                notAboutStudents(
                                        "Technology spending per student",
                                        Kpi.Unit.CURRENCY,
                                        false,
                                        412,
                                        380,
                                        "Finance system",
                                        1.0)),
                        false),
                List.of(
                        strategy(
                                "Replace devices on a four-year cycle and close the home-internet gap",
                                "technology",
                                project("Hotspot lending at every school library", "technology", DONE, -120),
                                project("Refresh Chromebooks for grades 3 and 7", "technology", ON_TRACK, 100)),
                        strategy(
                                "One service desk for schools, families and staff",
                                "technology",
                                project("Choose a ticketing system", "technology", ON_TRACK, -40),
                                project("Learning-platform training in every school", null, NOT_STARTED, 130))));
        // adopted once written, so that its first version holds the plan the board adopted
        planning.savePlan(planner, planning.plan(people.district(), plan).withStatus(PlanStatus.ADOPTED));
    }

    private void goal(
            UUID plan,
            String title,
            String owner,
            boolean published,
            Outcome first,
            Outcome second,
            List<DemoWork.Strategy> strategies) {
        SignedInUser planner = people.as("planner");
        UUID goal = planning.addGoal(planner, plan, title, DemoSpanish.of(title), people.id(owner));
        goals.add(goal);
        if (published) {
            planning.setPublished(planner, goal, true, 0);
        }
        for (Outcome outcome : List.of(first, second)) {
            UUID outcomeId = planning.addOutcome(
                    planner,
                    goal,
                    outcome.title(),
                    DemoSpanish.of(outcome.title()),
                    outcome.owned() ? people.id(owner) : null);
            for (DemoKpi kpi : outcome.kpis()) {
                TreeMap<Integer, BigDecimal> targets = new TreeMap<>();
                targets.put(
                        2026, DemoValues.rounded(kpi.unit(), kpi.baseline() + (kpi.target() - kpi.baseline()) * 0.5));
                targets.put(2029, DemoValues.rounded(kpi.unit(), kpi.target()));
                UUID id = measures.addKpi(
                        planner,
                        outcomeId,
                        kpi.name(),
                        DemoSpanish.of(kpi.name()),
                        kpi.unit(),
                        kpi.higherIsBetter(),
                        BigDecimal.valueOf(kpi.baseline()),
                        2024,
                        kpi.source(),
                        kpi.byGroup(),
                        kpi.aboutStudents(),
                        // a KPI of every school is about any school; one of some levels only about those
                        kpi.levels().equals(EVERY_SCHOOL) ? Set.of() : kpi.levels(),
                        kpi.published() && published,
                        targets);
                kpis.put(id, kpi);
                enteredBy.put(id, owner);
            }
        }
        work.add(planner, goal, strategies);
    }

    /** Every KPI of the plan, in the plan's order. */
    Map<UUID, DemoKpi> kpis() {
        return kpis;
    }

    UUID kpi(String name) {
        return kpis.entrySet().stream()
                .filter(entry -> entry.getValue().name().equals(name))
                .findFirst()
                .orElseThrow()
                .getKey();
    }

    /** Who records the KPI's values: the owner of its goal. */
    String enteredBy(UUID kpi) {
        return enteredBy.get(kpi);
    }

    /** The plan's goals, in order. */
    List<UUID> goals() {
        return goals;
    }
}
