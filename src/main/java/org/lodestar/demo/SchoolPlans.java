package org.lodestar.demo;

import static org.lodestar.demo.DemoKpi.students;
import static org.lodestar.demo.DemoWork.project;
import static org.lodestar.demo.DemoWork.strategy;
import static org.lodestar.execution.ProjectStatus.BLOCKED;
import static org.lodestar.execution.ProjectStatus.DONE;
import static org.lodestar.execution.ProjectStatus.NOT_STARTED;
import static org.lodestar.execution.ProjectStatus.ON_TRACK;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.lodestar.directory.SchoolLevel;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.ExecutionApi;
import org.lodestar.measures.MeasuresApi;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;

/**
 * Three schools' improvement plans for 2025-26, each written by its principal and linked to the strategic plan and the
 * district's improvement plan of the year: goals of the school's own, measured by KPIs that fit its grades, each goal
 * aligned to the district goals it serves with the school's reason.
 */
final class SchoolPlans {

    /** The district plan's goals, in its order. */
    private static final int READING_AND_MATH = 0;

    private static final int GAPS = 1;
    private static final int WELCOMING = 3;

    private record Alignment(int districtGoal, String rationale) {}

    private record SchoolGoal(
            String title,
            String outcome,
            List<DemoKpi> kpis,
            List<Alignment> alignments,
            List<DemoWork.Strategy> work) {}

    private final PlanningApi planning;
    private final MeasuresApi measures;
    private final DemoPeople people;
    private final List<DemoSchool> schools;
    private final DemoValues values;
    private final DemoWork work;
    private final Map<String, UUID> kpis = new HashMap<>();
    private final Map<String, UUID> plans = new HashMap<>();

    SchoolPlans(
            PlanningApi planning,
            ExecutionApi execution,
            MeasuresApi measures,
            DemoPeople people,
            List<DemoSchool> schools,
            DemoValues values) {
        this.planning = planning;
        this.measures = measures;
        this.people = people;
        this.schools = schools;
        this.values = values;
        this.work = new DemoWork(planning, execution, people);
    }

    void load(List<UUID> districtGoals) {
        Set<SchoolLevel> here = Set.of(); // a school plan's KPI is measured at its own school only
        plan(
                districtGoals,
                "principal",
                schools.get(0),
                "Cedar Elementary Improvement Plan 2025-26",
                new SchoolGoal(
                        "Every Cedar third grader reads on grade level",
                        "Second and third graders close the gap in foundational reading",
                        List.of(
                                students(
                                        "Cedar third graders reading on grade level",
                                        true,
                                        54,
                                        61,
                                        "State reading test",
                                        here,
                                        1,
                                        1.1),
                                students(
                                        "Cedar K-3 students at benchmark on the winter reading screener",
                                        true,
                                        61,
                                        68,
                                        "Universal reading screener",
                                        here,
                                        4,
                                        0.7)),
                        List.of(new Alignment(
                                READING_AND_MATH,
                                "Our fall screener found 41% of second graders below benchmark in phonics; reading by"
                                        + " grade 3 is the district's first measure of this goal.")),
                        List.of(
                                strategy(
                                        "A 90-minute structured literacy block in every K-3 classroom",
                                        "principal",
                                        project("Phonics routines training for K-3 teachers", "principal", DONE, -60),
                                        project("Decodable readers for every K-2 classroom", "teacher", DONE, -25)),
                                strategy(
                                        "Small-group intervention three times a week for students below benchmark",
                                        "teacher",
                                        project(
                                                "Schedule a daily 30-minute intervention block",
                                                "principal",
                                                ON_TRACK,
                                                20),
                                        project("Recruit and train reading volunteers", "teacher", BLOCKED, -8)))),
                new SchoolGoal(
                        "Cedar students come to school every day",
                        "Fewer Cedar students miss school",
                        List.of(
                                students(
                                        "Cedar students chronically absent",
                                        false,
                                        24,
                                        18,
                                        "Student information system",
                                        here,
                                        0,
                                        0.4),
                                students(
                                        "Cedar families reached within a day of a third absence",
                                        true,
                                        40,
                                        75,
                                        "Attendance team call log",
                                        here,
                                        0,
                                        1.2)),
                        List.of(new Alignment(
                                WELCOMING,
                                "Chronic absence is 24% at Cedar, the highest of our elementary schools, and the students"
                                        + " who miss the most are those behind in reading.")),
                        List.of(strategy(
                                "Call home on the first and third absence, and make home visits after the fifth",
                                "principal",
                                project("Train office staff in a first-absence call script", "principal", DONE, -40),
                                project("Monthly perfect-attendance assemblies", "teacher", NOT_STARTED, 35)))));
        plan(
                districtGoals,
                "middle",
                schools.get(6),
                "Lakeview Middle Improvement Plan 2025-26",
                new SchoolGoal(
                        "Every eighth grader is ready for Algebra I",
                        "Eighth graders master grade-level math",
                        List.of(
                                students(
                                        "Lakeview Middle eighth graders proficient in math",
                                        true,
                                        38,
                                        44,
                                        "State math test",
                                        here,
                                        1,
                                        0.6),
                                students(
                                        "Lakeview Middle students failing a core course",
                                        false,
                                        14,
                                        10,
                                        "Semester grades",
                                        here,
                                        0,
                                        1.0)),
                        List.of(
                                new Alignment(
                                        READING_AND_MATH,
                                        "Only 38% of our eighth graders were proficient in math, and Algebra I readiness"
                                                + " decides who takes advanced math in high school."),
                                new Alignment(
                                        GAPS,
                                        "Our English learners trail their classmates in math by 20 points; the double"
                                                + " block is meant first for them.")),
                        List.of(
                                strategy(
                                        "A double math period for students below grade level",
                                        "middle",
                                        project(
                                                "Rebuild the master schedule around a double math block",
                                                "middle",
                                                DONE,
                                                -100),
                                        project("Hire an additional math interventionist", "middle", BLOCKED, -15)),
                                strategy(
                                        "Grade-level teams review every student's course grades every three weeks",
                                        "middle",
                                        project(
                                                "Course-failure early-warning report for teams",
                                                "technology",
                                                ON_TRACK,
                                                25)))),
                new SchoolGoal(
                        "Belonging and attendance for every middle schooler",
                        "Middle schoolers are known, present and engaged",
                        List.of(
                                students(
                                        "Lakeview Middle students chronically absent",
                                        false,
                                        19,
                                        15,
                                        "Student information system",
                                        here,
                                        0,
                                        -0.5),
                                students(
                                        "Lakeview Middle students who say an adult at school knows them well",
                                        true,
                                        58,
                                        66,
                                        "Student climate survey",
                                        here,
                                        0,
                                        null)),
                        List.of(new Alignment(
                                WELCOMING,
                                "Seventh graders' sense of belonging fell to 58% in our spring survey, and absences"
                                        + " rise in the same grade.")),
                        List.of(strategy(
                                "A daily advisory period with the same adult for three years",
                                "middle",
                                project("Assign every student an advisor", "middle", DONE, -70),
                                project("Advisory lessons on belonging for each month", "middle", ON_TRACK, 60)))));
        plan(
                districtGoals,
                "high",
                schools.get(9),
                "Lakeview High Improvement Plan 2025-26",
                new SchoolGoal(
                        "Every senior graduates with a plan",
                        "Seniors graduate with college credit or a career credential",
                        List.of(
                                students(
                                        "Lakeview High four-year graduation rate",
                                        true,
                                        84,
                                        87,
                                        "State graduation cohort file",
                                        here,
                                        1,
                                        1.0),
                                students(
                                        "Lakeview High students earning dual credit",
                                        true,
                                        31,
                                        36,
                                        "Community college transcripts",
                                        here,
                                        2,
                                        null)),
                        List.of(new Alignment(
                                READING_AND_MATH,
                                "Our four-year graduation rate of 84% is below the district's; graduation and credentials"
                                        + " are how the district measures readiness.")),
                        List.of(
                                strategy(
                                        "A graduation plan for every senior, reviewed each semester with a counselor",
                                        "high",
                                        project("Senior plan meetings for all 420 seniors", "high", ON_TRACK, 15),
                                        project("FAFSA completion nights with families", "high", DONE, -50)),
                                strategy(
                                        "Dual-credit courses taught on campus",
                                        "high",
                                        project(
                                                "Certify two teachers to teach college English",
                                                "high",
                                                NOT_STARTED,
                                                160)))),
                new SchoolGoal(
                        "Ninth graders start high school strong",
                        "Ninth graders stay on track to graduate",
                        List.of(
                                students(
                                        "Lakeview High ninth graders on track to graduate",
                                        true,
                                        78,
                                        84,
                                        "Semester grades and credits",
                                        here,
                                        1,
                                        -0.3),
                                students(
                                        "Lakeview High ninth graders failing a core course in the first semester",
                                        false,
                                        22,
                                        16,
                                        "Semester grades",
                                        here,
                                        1,
                                        0.9)),
                        List.of(new Alignment(
                                GAPS,
                                "Black and Hispanic ninth graders fall off track at twice the rate of their classmates;"
                                        + " a strong ninth grade closes the gap before it widens.")),
                        List.of(strategy(
                                "A ninth-grade academy with shared teacher teams",
                                "high",
                                project("Ninth-grade success team meets weekly", "high", ON_TRACK, 10),
                                project("Summer bridge program for incoming ninth graders", "high", DONE, -130)))));
    }

    private void plan(
            List<UUID> districtGoals, String principal, DemoSchool school, String title, SchoolGoal... goals) {
        SignedInUser leader = people.as(principal);
        UUID strategic = planning.districtStrategicPlan(leader.districtId())
                .orElseThrow()
                .id();
        UUID plan = planning.startImprovementPlan(
                leader, strategic, school.id(), DemoImprovement.YEAR, title, Set.of(), Set.of());
        planning.savePlan(
                leader,
                new PlanSummary(
                        plan,
                        school.id(),
                        PlanKind.IMPROVEMENT,
                        title,
                        DemoImprovement.YEAR,
                        DemoImprovement.YEAR,
                        null,
                        null,
                        null,
                        null,
                        PlanStatus.ADOPTED,
                        0));
        plans.put(school.name(), plan);
        for (SchoolGoal goal : goals) {
            UUID goalId = planning.addGoal(leader, plan, goal.title(), people.id(principal));
            UUID outcome = planning.addOutcome(leader, goalId, goal.outcome(), people.id(principal));
            for (DemoKpi kpi : goal.kpis()) {
                TreeMap<Integer, BigDecimal> targets = new TreeMap<>();
                targets.put(2025, DemoValues.rounded(kpi.unit(), kpi.target()));
                UUID id = measures.addKpi(
                        leader,
                        outcome,
                        kpi.name(),
                        kpi.unit(),
                        kpi.higherIsBetter(),
                        BigDecimal.valueOf(kpi.baseline()),
                        2024,
                        kpi.source(),
                        false,
                        true,
                        false,
                        targets);
                kpis.put(kpi.name(), id);
                values.school(leader, id, kpi, school);
            }
            for (Alignment alignment : goal.alignments()) {
                planning.align(leader, goalId, districtGoals.get(alignment.districtGoal()), alignment.rationale());
            }
            work.add(leader, goalId, goal.work());
        }
    }

    /** Each school's improvement plan, by the school's name. */
    Map<String, UUID> plans() {
        return plans;
    }

    UUID kpi(String name) {
        return kpis.get(name);
    }
}
