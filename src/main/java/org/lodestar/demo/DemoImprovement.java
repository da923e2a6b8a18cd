package org.lodestar.demo;

import static org.lodestar.planning.compliance.EvidenceTier.DEMONSTRATES_A_RATIONALE;
import static org.lodestar.planning.compliance.EvidenceTier.MODERATE;
import static org.lodestar.planning.compliance.EvidenceTier.PROMISING;
import static org.lodestar.planning.compliance.EvidenceTier.STRONG;
import static org.lodestar.planning.compliance.Purpose.ADMINISTRATION;
import static org.lodestar.planning.compliance.Purpose.GENERAL;
import static org.lodestar.planning.compliance.Purpose.PARENT_FAMILY_ENGAGEMENT;
import static org.lodestar.planning.compliance.Purpose.SAFE_AND_HEALTHY;
import static org.lodestar.planning.compliance.Purpose.TECHNOLOGY;
import static org.lodestar.planning.compliance.Purpose.TECHNOLOGY_INFRASTRUCTURE;
import static org.lodestar.planning.compliance.Purpose.WELL_ROUNDED;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.ActionDetail;
import org.lodestar.planning.Consultation;
import org.lodestar.planning.Consultation.Audience;
import org.lodestar.planning.Goal;
import org.lodestar.planning.PlanNodes;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.Strategy;
import org.lodestar.planning.compliance.EvidenceTier;
import org.lodestar.planning.compliance.Purpose;

/**
 * The 2025-26 improvement plans as a district writes them in its first year: the district's, made from the strategic
 * plan in one step, its actions described, costed by fund and tagged with the required-plan components they satisfy;
 * costs and tags in the three schools' plans; the year's allocations. Like a real first draft it leaves two things for
 * a planner to find: Cedar's parent outreach coordinator says what the district's family liaisons say (a duplicate
 * across plans and funds), and Title IV-A's spending on safe and healthy students falls short of its 20% (a funding
 * rule broken), while every other rule is met. Some actions are left without cost or evidence, so the plan-quality
 * review has something to say.
 */
final class DemoImprovement {

    static final int YEAR = 2025;
    static final String DISTRICT_PLAN = "Lakeview Unified Improvement Plan 2025-26";
    static final String LIAISONS = "Hire bilingual family liaisons to reach Spanish-speaking families";
    static final String OUTREACH = "Add a Spanish-speaking parent outreach coordinator at the school";

    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 8, 18);
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 6, 5);

    private final PlanningApi planning;
    private final DemoPeople people;

    DemoImprovement(PlanningApi planning, DemoPeople people) {
        this.planning = planning;
        this.people = people;
    }

    /** The district's improvement plan: every goal and strategy of the strategic plan, then what the year adds. */
    void districtPlan() {
        SignedInUser planner = people.as("planner");
        PlanSummary strategic =
                planning.districtStrategicPlan(people.district()).orElseThrow();
        PlanNodes from = planning.nodesOfPlan(people.district(), strategic.id());
        UUID plan = planning.startImprovementPlan(
                planner,
                strategic.id(),
                null,
                YEAR,
                DISTRICT_PLAN,
                from.goals().stream().map(Goal::id).collect(Collectors.toSet()),
                from.strategies().stream().map(Strategy::id).collect(Collectors.toSet()));
        adopt(planner, plan);
        consulted(
                planner,
                plan,
                LocalDate.of(2025, 4, 22),
                List.of(Audience.FAMILIES, Audience.COMMUNITY),
                85,
                "Spring family forum in English and Spanish: families asked for someone at school who speaks their"
                        + " language, and for help with devices at home.");
        consulted(
                planner,
                plan,
                LocalDate.of(2025, 5, 6),
                List.of(Audience.TEACHERS, Audience.STAFF, Audience.ADMINISTRATORS),
                40,
                "District improvement committee: reading data by school and student group; the committee chose to"
                        + " keep the literacy coaching and add restorative practices.");
        Actions actions = new Actions(planner, plan);
        UUID welcoming = actions.goal("Safe, healthy and welcoming schools");
        planning.tag(planner, welcoming, "parent-family-engagement-district", "PFE-02");
        planning.addStrategy(planner, welcoming, LIAISONS, people.id("services"));

        actions.describe(
                        "Adopt one K-8 literacy and math curriculum",
                        "One high-quality curriculum in every K-8 classroom, with a coach in each elementary school who models"
                                + " lessons and gives feedback weekly.",
                        MODERATE,
                        "A randomized study of content-specific coaching (Kraft, Blazar and Hogan, 2018) found moderate gains"
                                + " in achievement.",
                        "Coaching logs: every K-5 teacher coached at least twice a month.",
                        "Grade 3 and 8 reading and math proficiency rise toward the 2029 targets.",
                        List.of())
                .cost("TITLE_II_A", GENERAL, 60_000)
                .cost("LOCAL", GENERAL, 120_000)
                .tag("title-i-lea-plan", "LEA-04")
                .tag("title-ii-a", "T2-05");
        actions.describe(
                        "Screen every K-3 student",
                        "A universal screener in fall, winter and spring; every student below benchmark starts small-group"
                                + " intervention within two weeks.",
                        STRONG,
                        "What Works Clearinghouse practice guide on foundational reading skills, strong evidence.",
                        "Screening completion above 98% in each window; intervention start dates within 14 days.",
                        "K-3 students at benchmark on the spring screener up 5 points.",
                        List.of("EL", "SWD", "ECON"))
                .cost("TITLE_I_A", GENERAL, 85_000)
                .tag("title-i-lea-plan", "LEA-04")
                .tag("title-i-lea-plan", "LEA-09");
        actions.describe(
                        "Expand dual credit and career pathways",
                        "Two new dual-credit courses and the health-sciences pathway at Riverside High.",
                        PROMISING,
                        "Correlational studies of dual enrollment show higher college enrollment.",
                        "Course sections opened and enrollment by student group.",
                        "Students completing a college or career credential.",
                        List.of())
                .cost("TITLE_IV_A", WELL_ROUNDED, 15_000)
                .tag("title-i-lea-plan", "LEA-10")
                .tag("title-i-lea-plan", "LEA-12")
                .tag("title-iv-a", "T4-05");
        actions.describe(
                        "Replace exclusionary discipline with restorative practices",
                        "Restorative circles in every middle school and a revised code of conduct.",
                        PROMISING,
                        "Pittsburgh's randomized trial of restorative practices found fewer suspensions.",
                        "Staff trained; circles held each week, by school.",
                        "Suspensions and days lost to exclusion fall by a third.",
                        List.of("BLACK", "HISPANIC", "SWD"))
                .cost("TITLE_IV_A", SAFE_AND_HEALTHY, 8_000)
                .tag("title-i-lea-plan", "LEA-11")
                .tag("title-iv-a", "T4-06");
        actions.describe(
                        "Advisory periods and mental-health support",
                        "A daily advisory period in grades 6-9 and clinicians placed in secondary schools.",
                        DEMONSTRATES_A_RATIONALE,
                        "Students who name a trusted adult at school attend more and feel they belong.",
                        "Advisory lessons taught; clinician caseloads.",
                        "Students who name a trusted adult at school.",
                        List.of())
                .cost("LOCAL", GENERAL, 90_000)
                .tag("title-iv-a", "T4-06");
        actions.describe(
                        "Replace devices on a four-year cycle",
                        "A quarter of student devices replaced each year; hotspots lent to families without internet.",
                        DEMONSTRATES_A_RATIONALE,
                        "Students without a working device at home cannot do the homework the curriculum assigns.",
                        "Devices replaced; hotspots lent.",
                        "Students with a working device and home internet.",
                        List.of("ECON"))
                .cost("TITLE_IV_A", TECHNOLOGY, 10_000)
                .cost("TITLE_IV_A", TECHNOLOGY_INFRASTRUCTURE, 1_000)
                .cost("LOCAL", GENERAL, 250_000)
                .tag("title-iv-a", "T4-07")
                .tag("title-iv-a", "T4-08")
                .tag("technology-plan-cipa", "TECH-02");
        actions.describe(
                        "Mentor every new teacher",
                        "A trained mentor for every teacher in their first two years, with release time to observe.",
                        MODERATE,
                        "Comprehensive induction raised retention in a national study (Ingersoll and Strong, 2011).",
                        "Mentor pairs and observation logs.",
                        "Teacher retention rate; new teachers completing mentoring.",
                        List.of())
                .cost("TITLE_II_A", GENERAL, 40_000)
                .tag("title-i-lea-plan", "LEA-05")
                .tag("title-ii-a", "T2-05");
        actions.describe(
                        "Attendance teams that reach every family",
                        "A team in each school calls home after the third absence and plans with the family.",
                        PROMISING,
                        "Personalized outreach to families reduced chronic absence in randomized trials.",
                        "Calls logged within a day of the third absence.",
                        "Chronic absenteeism falls toward 12%.",
                        List.of())
                .cost("TITLE_I_A", GENERAL, 30_000)
                .tag("parent-family-engagement-district", "PFE-07");
        actions.describe(
                        LIAISONS,
                        "Two liaisons who speak Spanish call, visit and welcome families new to the district's schools,"
                                + " and interpret at conferences.",
                        PROMISING,
                        "Family liaisons raised parent involvement in a quasi-experimental study of Title I schools.",
                        "Families contacted each month, by school.",
                        "Families satisfied with school communication, Spanish-speaking families first.",
                        List.of("EL", "HISPANIC"))
                .cost("TITLE_III_A", GENERAL, 45_000)
                .cost("TITLE_III_A", ADMINISTRATION, 1_500)
                .cost("TITLE_I_A", PARENT_FAMILY_ENGAGEMENT, 1_000)
                .tag("parent-family-engagement-district", "PFE-08")
                .tag("parent-family-engagement-district", "PFE-09")
                .tag("title-iii-a", "EL-05");
    }

    /** What the three schools' plans cost and which required-plan components they answer. */
    void schoolPlans(Map<String, UUID> plans) {
        SignedInUser cedarLeader = people.as("principal");
        consulted(
                cedarLeader,
                plans.get("Cedar Elementary"),
                LocalDate.of(2025, 9, 9),
                List.of(Audience.FAMILIES),
                46,
                "Annual Title I meeting: the schoolwide program, the school-parent compact and how families can take"
                        + " part; parents asked for reading nights and for calls in Spanish.");
        consulted(
                cedarLeader,
                plans.get("Cedar Elementary"),
                LocalDate.of(2025, 9, 16),
                List.of(Audience.TEACHERS, Audience.STAFF),
                28,
                "Staff data meeting on the fall screener: 41% of second graders below benchmark in phonics.");
        Actions cedar = new Actions(cedarLeader, plans.get("Cedar Elementary"));
        UUID reading = cedar.goal("Every Cedar third grader reads on grade level");
        UUID attendance = cedar.goal("Cedar students come to school every day");
        planning.addStrategy(cedarLeader, attendance, OUTREACH, people.id("principal"));
        planning.addStrategy(cedarLeader, reading, "Family literacy nights each quarter", people.id("teacher"));
        cedar.describe(
                        "A 90-minute structured literacy block",
                        "Explicit phonics, fluency and comprehension in every K-3 classroom, every day.",
                        STRONG,
                        "What Works Clearinghouse practice guide on foundational reading skills.",
                        "Walk-throughs: the block taught as designed in every K-3 room.",
                        "Third graders reading on grade level.",
                        List.of())
                .cost("TITLE_I_A", GENERAL, 20_000)
                .tag("title-i-schoolwide", "SW-07");
        cedar.describe(
                        "Small-group intervention three times a week",
                        "Groups of three to five with a trained interventionist.",
                        STRONG,
                        "Small-group tutoring: strong evidence in the What Works Clearinghouse.",
                        "Sessions held per student each week.",
                        "K-3 students at benchmark on the winter screener.",
                        List.of("EL", "SWD"))
                .cost("TITLE_I_A", GENERAL, 35_000)
                .tag("title-i-schoolwide", "SW-08");
        cedar.describe(
                        OUTREACH,
                        "A bilingual coordinator calls and visits Spanish-speaking parents, runs the welcome meetings and"
                                + " interprets at conferences.",
                        PROMISING,
                        "Family liaisons raised parent involvement in a quasi-experimental study of Title I schools.",
                        "Parents reached each month.",
                        "Cedar families reached within a day of a third absence.",
                        List.of("EL", "HISPANIC"))
                .cost("TITLE_I_A", PARENT_FAMILY_ENGAGEMENT, 9_000)
                .cost("TITLE_I_A", GENERAL, 20_000)
                .tag("parent-family-engagement-school", "PC-07")
                .tag("parent-family-engagement-school", "SPF-05");
        cedar.describe(
                        "Family literacy nights",
                        "Each quarter families read with their children and take home books in English and Spanish.",
                        DEMONSTRATES_A_RATIONALE,
                        "Children who read at home with their families read more fluently.",
                        "Families attending each night.",
                        "Third graders reading on grade level.",
                        List.of())
                .cost("TITLE_I_A", PARENT_FAMILY_ENGAGEMENT, 4_000)
                .tag("parent-family-engagement-school", "SPF-02")
                .tag("parent-family-engagement-school", "PC-05");
        planning.tag(cedarLeader, reading, "title-i-schoolwide", "SW-07");

        Actions middle = new Actions(people.as("middle"), plans.get("Lakeview Middle"));
        middle.describe(
                        "A double math period",
                        "Students below grade level take grade-level math and a second period of support.",
                        MODERATE,
                        "Double-dose algebra in Chicago raised test scores and graduation (Cortes et al., 2015).",
                        "Students scheduled into the double block.",
                        "Eighth graders proficient in math.",
                        List.of("EL"))
                .cost("TITLE_I_A", GENERAL, 40_000)
                .tag("title-i-schoolwide", "SW-07");

        Actions high = new Actions(people.as("high"), plans.get("Lakeview High"));
        high.describe(
                        "A ninth-grade academy",
                        "Ninth graders in teams of four teachers who share students and meet weekly.",
                        PROMISING,
                        "Freshman academies raised on-track rates in Chicago's network of high schools.",
                        "Team meetings held; students discussed.",
                        "Ninth graders on track to graduate.",
                        List.of())
                .cost("LOCAL", GENERAL, 30_000);
    }

    /** What the district receives of each fund in 2025-26, as the business office entered it. */
    void allocations() {
        Map<String, BigDecimal> allocations = new LinkedHashMap<>();
        allocations.put("TITLE_I_A", BigDecimal.valueOf(1_250_000));
        allocations.put("TITLE_II_A", BigDecimal.valueOf(180_000));
        allocations.put("TITLE_III_A", BigDecimal.valueOf(90_000));
        allocations.put("TITLE_IV_A", BigDecimal.valueOf(60_000));
        allocations.put("LOCAL", BigDecimal.valueOf(600_000));
        planning.allocate(people.as("planner"), YEAR, allocations);
    }

    private void consulted(
            SignedInUser user, UUID planId, LocalDate heldOn, List<Audience> audiences, int people, String summary) {
        planning.recordConsultation(user, new Consultation(null, planId, heldOn, audiences, people, summary, null));
    }

    private void adopt(SignedInUser user, UUID planId) {
        PlanSummary plan = planning.plan(people.district(), planId);
        planning.savePlan(
                user,
                new PlanSummary(
                        plan.id(),
                        plan.schoolId(),
                        plan.kind(),
                        plan.title(),
                        plan.firstYear(),
                        plan.lastYear(),
                        plan.vision(),
                        plan.mission(),
                        plan.coreValues(),
                        plan.translation(),
                        PlanStatus.ADOPTED,
                        plan.version()));
    }

    /** The goals and actions of one improvement plan, found by the start of their titles. */
    private final class Actions {

        private final SignedInUser user;
        private final UUID planId;

        Actions(SignedInUser user, UUID planId) {
            this.user = user;
            this.planId = planId;
        }

        UUID goal(String title) {
            return planning.nodesOfPlan(people.district(), planId).goals().stream()
                    .filter(goal -> goal.title().equals(title))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no demo goal " + title))
                    .id();
        }

        Action describe(
                String titleStart,
                String description,
                EvidenceTier tier,
                String basis,
                String implementation,
                String impact,
                List<String> groups) {
            Strategy action = planning.nodesOfPlan(people.district(), planId).strategies().stream()
                    .filter(strategy -> strategy.title().startsWith(titleStart))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no demo action " + titleStart));
            planning.describeAction(
                    user,
                    new ActionDetail(
                            action.id(),
                            description,
                            FIRST_DAY,
                            LAST_DAY,
                            List.of(),
                            null,
                            null,
                            tier,
                            basis,
                            implementation,
                            impact,
                            groups,
                            0));
            return new Action(user, action.id());
        }
    }

    /** One action being costed and tagged. */
    private final class Action {

        private final SignedInUser user;
        private final UUID id;

        Action(SignedInUser user, UUID id) {
            this.user = user;
            this.id = id;
        }

        Action cost(String fund, Purpose purpose, long amount) {
            planning.addActionCost(user, id, fund, purpose, BigDecimal.valueOf(amount));
            return this;
        }

        Action tag(String framework, String component) {
            planning.tag(user, id, framework, component);
            return this;
        }
    }
}
