package org.lodestar.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.Grant;
import org.lodestar.directory.Person;
import org.lodestar.directory.Role;
import org.lodestar.directory.School;
import org.lodestar.directory.SchoolLevel;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.engagement.EngagementApi;
import org.lodestar.enrollment.EnrollmentApi;
import org.lodestar.execution.ExecutionApi;
import org.lodestar.measures.MeasuresApi;
import org.lodestar.needs.NeedsApi;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.raci.ActionRacis;
import org.lodestar.shared.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads "Lakeview Unified", a made-up district, when the database holds no district yet, in one transaction: a dozen
 * schools, people in every role, a 2025-2029 strategic plan ({@link DistrictPlan}) with 22 KPIs, six years of values (one measured for the first time, its result not in yet)
 * ({@link DemoValues}), the 2025-26 improvement plans of the district and three schools, costed and tagged with the
 * required plans ({@link DemoImprovement}), the school plans' own KPIs aligned to it ({@link SchoolPlans}), changes made after
 * the first entry ({@link Revisions}), ten years of enrollment ({@link DemoEnrollment}) and the district improvement
 * plan's quarterly reviews, Q1 signed off and Q2 a draft ({@link DemoReviews}); a fixed seed makes every
 * start load the same numbers. Everything goes through the modules' APIs as the person who would enter it, so it gets
 * the same checks, audit entries and events as their own.
 */
@Component
class DemoDistrict implements ApplicationRunner {

    static final String PASSWORD = "lodestar-demo";
    static final String SLUG = "lakeview";
    private static final Logger log = LoggerFactory.getLogger(DemoDistrict.class);

    private final DirectoryApi directory;
    private final PlanningApi planning;
    private final ExecutionApi execution;
    private final MeasuresApi measures;
    private final EnrollmentApi enrollment;
    private final ActionRacis racis;
    private final EngagementApi engagement;
    private final NeedsApi needs;
    private final TransactionTemplate transaction;
    private final boolean enabled;
    private final Environment environment;

    DemoDistrict(
            DirectoryApi directory,
            PlanningApi planning,
            ExecutionApi execution,
            MeasuresApi measures,
            EnrollmentApi enrollment,
            ActionRacis racis,
            EngagementApi engagement,
            NeedsApi needs,
            TransactionTemplate transaction,
            @Value("${lodestar.demo.enabled:true}") boolean enabled,
            Environment environment) {
        this.environment = environment;
        this.directory = directory;
        this.planning = planning;
        this.execution = execution;
        this.measures = measures;
        this.enrollment = enrollment;
        this.racis = racis;
        this.engagement = engagement;
        this.needs = needs;
        this.transaction = transaction;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !directory.noDistrictYet()) {
            return;
        }
        transaction.executeWithoutResult(status -> load());
        log.info("""

                ==============================================================
                 Lodestar loaded the demo district "Lakeview Unified" (sample data).
                 Sign in at {} with password '{}' as:
                   admin@lakeview.example      district admin
                   planner@lakeview.example    planner
                   principal@lakeview.example  school leader (Cedar Elementary)
                   teacher@lakeview.example    contributor
                   board@lakeview.example      viewer
                 Public scorecard: {}/p/{}
                ==============================================================""", address(), PASSWORD, address(), SLUG);
    }

    /** Where the server really listens: its port is known only once it has started, before this runner runs. */
    private String address() {
        String host = environment.getProperty("server.address", "localhost");
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "localhost";
        }
        return "http://" + host + ":" + environment.getProperty("local.server.port", "8080");
    }

    /** Everything goes in through each module's API, as the district's admin, planners and principals would enter it. */
    private void load() {
        // each part is recorded as of when a district would have entered it over its first year (see DemoClock)
        SignedInUser admin = DemoClock.daysAgo(
                420,
                () -> directory.createDistrict(
                        "Lakeview Unified School District",
                        SLUG,
                        true,
                        groups(),
                        "Alex Rivera",
                        "admin@lakeview.example",
                        PASSWORD));
        List<DemoSchool> schools = DemoClock.daysAgo(418, () -> schools(admin));
        DemoPeople people = DemoClock.daysAgo(415, () -> people(admin, schools));
        DistrictPlan plan = new DistrictPlan(planning, execution, measures, people);
        DemoClock.daysAgo(400, plan::load);
        Random random = new Random(2025);
        DemoValues values = new DemoValues(measures, schools, random);
        DemoClock.daysAgo(
                380, () -> plan.kpis().forEach((id, kpi) -> values.district(people.as(plan.enteredBy(id)), id, kpi)));
        DemoImprovement improvement = new DemoImprovement(planning, people);
        DemoClock.daysAgo(250, improvement::districtPlan);
        SchoolPlans schoolPlans = new SchoolPlans(planning, execution, measures, people, schools, values);
        DemoClock.daysAgo(240, () -> schoolPlans.load(plan.goals()));
        DemoClock.daysAgo(235, () -> improvement.schoolPlans(schoolPlans.plans()));
        DemoClock.daysAgo(230, improvement::allocations);
        DemoClock.daysAgo(200, () -> new DemoEnrollment(enrollment, people.as("planner"), schools).load());
        DemoClock.daysAgo(60, () -> new DemoWork(planning, execution, people).tasks());
        DemoClock.daysAgo(58, () -> new DemoRaci(planning, racis, people).load());
        new Revisions(planning, measures, people).load(plan, schoolPlans, schools.get(0));
        new DemoUpdates(planning, execution, people).load();
        new DemoReviews(planning, execution, people).load();
        DemoClock.daysAgo(30, () -> new DemoNeedsData(needs, people, schools).load()); // issue 11: needs-data
        new DemoNeeds(needs, planning, people).load(); // issue 11: needs-analysis
        new DemoConversation(needs, engagement, planning, people).load(); // issue 11: conversations
        new DemoSurvey(engagement, needs, people.as("planner")).load(); // issue 11: surveys
        DemoClock.daysAgo(20, () -> new DemoThemes(engagement, needs, planning, people).load()); // issue 11: themes
        // Cedar's own survey, after its assessment exists, its comments left for the principal to group
        new DemoSchoolSurvey(engagement, needs, people.as("planner"), people.as("principal")).load();
    }

    private static final String[][] GROUPS = {
        {"ALL", "All students", "Todos los estudiantes", "ALL"},
        {"ECON", "Economically disadvantaged", "En desventaja económica", "ECON"},
        {"NOT_ECON", "Not economically disadvantaged", "Sin desventaja económica", "ECON"},
        {"EL", "English learners", "Estudiantes de inglés", "EL"},
        {"SWD", "Students with disabilities", "Estudiantes con discapacidades", "SWD"},
        {"ASIAN", "Asian", "Asiático", "RACE"},
        {"BLACK", "Black or African American", "Negro o afroamericano", "RACE"},
        {"HISPANIC", "Hispanic or Latino", "Hispano o latino", "RACE"},
        {"NATIVE", "American Indian or Alaska Native", "Indígena americano o nativo de Alaska", "RACE"},
        {"MULTI", "Two or more races", "Dos o más razas", "RACE"},
        {"WHITE", "White", "Blanco", "RACE"}
    };

    static List<String> groupCodes() {
        return java.util.Arrays.stream(GROUPS).map(group -> group[0]).toList();
    }

    static List<String> groupFamilies() {
        return java.util.Arrays.stream(GROUPS).map(group -> group[3]).toList();
    }

    private static List<StudentGroup> groups() {
        List<StudentGroup> groups = new ArrayList<>();
        for (int i = 0; i < GROUPS.length; i++) {
            groups.add(new StudentGroup(GROUPS[i][0], GROUPS[i][1], GROUPS[i][2], GROUPS[i][3], i));
        }
        return groups;
    }

    private static final Object[][] SCHOOLS = {
        {"Cedar Elementary", "ELEMENTARY", "K", "5", 520},
        {"Maple Elementary", "ELEMENTARY", "K", "5", 480},
        {"Birch Elementary", "ELEMENTARY", "K", "5", 450},
        {"Willow Elementary", "ELEMENTARY", "PK", "5", 600},
        {"Aspen Elementary", "ELEMENTARY", "K", "5", 410},
        {"Spruce Elementary", "ELEMENTARY", "K", "5", 390},
        {"Lakeview Middle", "MIDDLE", "6", "8", 900},
        {"Riverside Middle", "MIDDLE", "6", "8", 850},
        {"Summit Middle", "MIDDLE", "6", "8", 780},
        {"Lakeview High", "HIGH", "9", "12", 1800},
        {"Riverside High", "HIGH", "9", "12", 1600},
        {"Harbor Alternative High", "HIGH", "9", "12", 60}
    };

    private List<DemoSchool> schools(SignedInUser admin) {
        List<DemoSchool> schools = new ArrayList<>();
        for (int i = 0; i < SCHOOLS.length; i++) {
            School school = directory.addSchool(
                    admin,
                    new School(
                            Ids.next(),
                            (String) SCHOOLS[i][0],
                            String.format("LV-%03d", i + 1),
                            SchoolLevel.valueOf((String) SCHOOLS[i][1]),
                            (String) SCHOOLS[i][2],
                            (String) SCHOOLS[i][3],
                            (Integer) SCHOOLS[i][4],
                            (100 + i * 17) + " Lake Road, Lakeview",
                            0));
            schools.add(new DemoSchool(
                    school.id(),
                    school.name(),
                    school.level(),
                    (String) SCHOOLS[i][2],
                    (String) SCHOOLS[i][3],
                    (Integer) SCHOOLS[i][4]));
        }
        return schools;
    }

    /** The accounts the start-up message names, and the directors and principals who own the plans' work. */
    private DemoPeople people(SignedInUser admin, List<DemoSchool> schools) {
        UUID cedar = schools.get(0).id();
        Map<String, UUID> ids = new java.util.LinkedHashMap<>();
        ids.put("admin", admin.userId());
        ids.put("planner", person(admin, "planner@lakeview.example", "Priya Natarajan", Role.PLANNER, null));
        ids.put("principal", person(admin, "principal@lakeview.example", "Sam Okafor", Role.SCHOOL_LEADER, cedar));
        ids.put("teacher", person(admin, "teacher@lakeview.example", "Jordan Lee", Role.CONTRIBUTOR, cedar));
        ids.put("board", person(admin, "board@lakeview.example", "Morgan Blake", Role.VIEWER, null));
        ids.put("curriculum", person(admin, "dana.whitfield@lakeview.example", "Dana Whitfield", Role.PLANNER, null));
        ids.put("hr", person(admin, "marcus.hale@lakeview.example", "Marcus Hale", Role.PLANNER, null));
        ids.put("services", person(admin, "rosa.delgado@lakeview.example", "Rosa Delgado", Role.PLANNER, null));
        ids.put("technology", person(admin, "grace.kim@lakeview.example", "Grace Kim", Role.PLANNER, null));
        ids.put(
                "middle",
                person(
                        admin,
                        "elena.sousa@lakeview.example",
                        "Elena Sousa",
                        Role.SCHOOL_LEADER,
                        schools.get(6).id()));
        ids.put(
                "high",
                person(
                        admin,
                        "tom.becker@lakeview.example",
                        "Tom Becker",
                        Role.SCHOOL_LEADER,
                        schools.get(9).id()));
        return new DemoPeople(directory, admin.districtId(), ids);
    }

    private UUID person(SignedInUser admin, String email, String name, Role role, UUID school) {
        Person person = new Person(Ids.next(), email, name, true, List.of(new Grant(role, school)), 0);
        return directory.addPerson(admin, person, PASSWORD).id();
    }
}
