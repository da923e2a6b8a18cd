package org.lodestar.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.Grant;
import org.lodestar.directory.Person;
import org.lodestar.directory.Role;
import org.lodestar.directory.School;
import org.lodestar.directory.SchoolLevel;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.enrollment.EnrollmentApi;
import org.lodestar.execution.ExecutionApi;
import org.lodestar.execution.ProjectStatus;
import org.lodestar.measures.Measurement;
import org.lodestar.measures.MeasuresApi;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
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
 * Loads "Lakeview Unified", a made-up district, when the database holds no district yet: a dozen schools, people in
 * every role, a 2025-2029 strategic plan with 21 KPIs and six years of values (by school and student group, some
 * groups small enough to be suppressed) and three school plans aligned to it, in one transaction; a fixed seed makes
 * every start load the same numbers. Plans, KPIs and values go through planning's and measures' APIs as the demo
 * planner, so they get the same checks, audit entries and events as a planner's own; the district, its people and
 * enrollment history are still written with plain SQL (their modules offer no way in for a whole district yet).
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
    private final TransactionTemplate transaction;
    private final boolean enabled;
    private final Environment environment;
    private final Random random = new Random(2025);

    DemoDistrict(
            DirectoryApi directory,
            PlanningApi planning,
            ExecutionApi execution,
            MeasuresApi measures,
            EnrollmentApi enrollment,
            TransactionTemplate transaction,
            @Value("${lodestar.demo.enabled:true}") boolean enabled,
            Environment environment) {
        this.environment = environment;
        this.directory = directory;
        this.planning = planning;
        this.execution = execution;
        this.measures = measures;
        this.enrollment = enrollment;
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

    private UUID district;
    private SignedInUser as;

    /** Everything goes in through each module's API, as the district's admin and planner would enter it. */
    private void load() {
        SignedInUser admin = directory.createDistrict(
                "Lakeview Unified School District",
                SLUG,
                true,
                groups(),
                "Alex Rivera",
                "admin@lakeview.example",
                PASSWORD);
        district = admin.districtId();
        List<UUID> schools = schools(admin);
        UUID planner = person(admin, "planner@lakeview.example", "Priya Natarajan", Role.PLANNER, null);
        person(admin, "principal@lakeview.example", "Sam Okafor", Role.SCHOOL_LEADER, schools.get(0));
        person(admin, "teacher@lakeview.example", "Jordan Lee", Role.CONTRIBUTOR, schools.get(0));
        person(admin, "board@lakeview.example", "Morgan Blake", Role.VIEWER, null);
        as = directory.currentAccount(district, planner).orElseThrow();

        UUID plan = Ids.next();
        planning.savePlan(
                as,
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
                        PlanStatus.ADOPTED,
                        0));
        List<UUID> goals = new ArrayList<>();
        goals.add(goal(
                plan,
                "Every student reads, writes and computes at grade level",
                planner,
                true,
                1,
                new Kpi[] {
                    kpi("Grade 3 reading proficiency", "PERCENT", true, 58, 70, true),
                    kpi("Grade 8 math proficiency", "PERCENT", true, 41, 55, true),
                    kpi("Kindergarten readiness", "PERCENT", true, 63, 72, false)
                },
                new Kpi[] {
                    kpi("Four-year graduation rate", "PERCENT", true, 86, 92, true),
                    kpi("Students completing a college or career credential", "PERCENT", true, 38, 50, false)
                }));
        goals.add(goal(
                plan,
                "Close opportunity gaps between student groups",
                planner,
                true,
                2,
                new Kpi[] {
                    kpi("English learners making progress toward proficiency", "PERCENT", true, 44, 56, false),
                    kpi(
                            "Students with disabilities in general education 80%+ of the day",
                            "PERCENT", true, 61, 70, false)
                },
                new Kpi[] {
                    kpi("Advanced course enrollment, students of color", "PERCENT", true, 24, 35, true),
                    kpi("Suspension rate", "PERCENT", false, 4.8, 2.5, true)
                }));
        goals.add(goal(
                plan,
                "Attract, grow and keep excellent educators",
                admin.userId(),
                true,
                3,
                new Kpi[] {
                    notAboutStudents("Teacher retention rate", "PERCENT", true, 84, 90, false),
                    notAboutStudents("Teacher vacancies on the first day of school", "COUNT", false, 37, 10, false)
                },
                new Kpi[] {
                    notAboutStudents(
                            "Staff who would recommend Lakeview as a workplace", "PERCENT", true, 62, 75, false),
                    notAboutStudents("New teachers completing mentoring", "PERCENT", true, 71, 95, false)
                }));
        goals.add(goal(
                plan,
                "Safe, healthy and welcoming schools",
                planner,
                true,
                4,
                new Kpi[] {
                    kpi("Chronic absenteeism", "PERCENT", false, 21, 12, true),
                    kpi("Students who feel they belong at school", "PERCENT", true, 67, 78, false)
                },
                new Kpi[] {
                    kpi("Families satisfied with school communication", "PERCENT", true, 71, 80, false),
                    kpi("Average daily attendance", "PERCENT", true, 92.1, 95, false)
                }));
        goals.add(goal(
                plan,
                "Modern technology for learning and operations",
                admin.userId(),
                false,
                5,
                new Kpi[] {
                    kpi("Students with a working device and home internet", "PERCENT", true, 88, 99, false),
                    kpi("Help-desk tickets resolved within two days", "PERCENT", true, 74, 90, false)
                },
                new Kpi[] {
                    notAboutStudents("Teachers using the learning platform weekly", "PERCENT", true, 55, 85, false),
                    notAboutStudents("Technology spending per student", "CURRENCY", false, 412, 380, false)
                }));
        values(schools);
        schoolPlans(schools, goals);
        enrollment(schools);
    }

    /**
     * Ten fall counts (2016-2025) for every school by grade, and births since 2010: kindergarten follows births, each
     * cohort moves up with a little loss or gain, and 2020 dips as it did everywhere.
     */
    private void enrollment(List<UUID> schools) {
        String[] grades = {"PK", "K", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"};
        Map<Integer, Integer> births = new java.util.TreeMap<>();
        for (int year = 2010; year <= 2024; year++) {
            births.put(year, 760 - (year - 2010) * 9 + random.nextInt(30));
        }
        enrollment.recordBirths(as, births);
        List<EnrollmentApi.Count> counted = new ArrayList<>();
        for (int s = 0; s < SCHOOLS.length; s++) {
            int low = indexOf(grades, (String) SCHOOLS[s][2]);
            int high = indexOf(grades, (String) SCHOOLS[s][3]);
            double perGrade = (int) SCHOOLS[s][4] * 0.9 / (high - low + 1);
            double[] counts = new double[grades.length];
            for (int g = low; g <= high; g++) {
                counts[g] = perGrade * (0.95 + random.nextDouble() * 0.1);
            }
            double survival = 0.97 + random.nextDouble() * 0.05;
            for (int year = 2016; year <= 2025; year++) {
                double[] next = new double[grades.length];
                double shock = year == 2020 ? 0.93 : 1.0;
                next[low] = perGrade * (1 - (year - 2016) * 0.006) * (0.96 + random.nextDouble() * 0.08) * shock;
                for (int g = low + 1; g <= high; g++) {
                    next[g] = counts[g - 1] * survival * (0.98 + random.nextDouble() * 0.04) * (shock < 1 ? 0.98 : 1);
                }
                counts = next;
                for (int g = low; g <= high; g++) {
                    counted.add(new EnrollmentApi.Count(schools.get(s), year, grades[g], (int) Math.round(counts[g])));
                }
            }
        }
        enrollment.recordCounts(as, counted);
    }

    private static int indexOf(String[] grades, String grade) {
        return java.util.Arrays.asList(grades).indexOf(grade);
    }

    /**
     * A KPI of the demo: name, unit, direction, baseline (2024-25) and end target (2029-30), and whether its values are
     * about students (each school or group value then carries its n).
     */
    private record Kpi(
            String name,
            String unit,
            boolean higherIsBetter,
            double baseline,
            double target,
            boolean published,
            boolean aboutStudents) {}

    private static Kpi kpi(
            String name, String unit, boolean higher, double baseline, double target, boolean published) {
        return new Kpi(name, unit, higher, baseline, target, published, true);
    }

    /** A KPI about staff or money, not students: its values need no n. */
    private static Kpi notAboutStudents(
            String name, String unit, boolean higher, double baseline, double target, boolean published) {
        return new Kpi(name, unit, higher, baseline, target, published, false);
    }

    private final List<Object[]> kpis = new ArrayList<>();

    private UUID goal(UUID plan, String title, UUID owner, boolean published, int position, Kpi[] first, Kpi[] second) {
        UUID goal = planning.addGoal(as, plan, title, owner);
        if (published) {
            planning.setPublished(as, goal, true, 0);
        }
        String[] outcomes = {"Measured results for students", "Conditions that make it possible"};
        Kpi[][] kpiSets = {first, second};
        for (int o = 0; o < 2; o++) {
            UUID outcome = planning.addOutcome(as, goal, outcomes[o] + " (" + position + "." + (o + 1) + ")", null);
            for (Kpi kpi : kpiSets[o]) {
                TreeMap<Integer, BigDecimal> targets = new TreeMap<>();
                targets.put(2026, round(kpi.baseline() + (kpi.target() - kpi.baseline()) * 0.5));
                targets.put(2029, round(kpi.target()));
                UUID id = measures.addKpi(
                        as,
                        outcome,
                        kpi.name(),
                        org.lodestar.measures.Kpi.Unit.valueOf(kpi.unit()),
                        kpi.higherIsBetter(),
                        BigDecimal.valueOf(kpi.baseline()),
                        2024,
                        "State accountability file",
                        kpi.unit().equals("PERCENT"),
                        kpi.aboutStudents(),
                        kpi.published() && published,
                        targets);
                kpis.add(new Object[] {id, kpi});
            }
        }
        String[] strategies = {
            "Strengthen core instruction with shared curriculum and coaching", "Use data cycles every quarter"
        };
        for (int s = 0; s < 2; s++) {
            UUID strategy =
                    planning.addStrategy(as, goal, strategies[s] + " (" + position + "." + (s + 1) + ")", owner);
            execution.setStatus(
                    as,
                    execution.addProject(as, strategy, "Pilot in five schools", null),
                    ProjectStatus.IN_PROGRESS,
                    0);
            execution.addProject(as, strategy, "Train every team", null);
        }
        return goal;
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
    /** Share of students in each group; American Indian students are few, so their results get suppressed. */
    private static final double[] SHARES = {1, 0.46, 0.54, 0.14, 0.13, 0.08, 0.17, 0.31, 0.0009, 0.06, 0.3791};
    /** How far each group's results sit from the district's, in points (lower for groups the system underserves). */
    private static final double[] GAPS = {0, -9, 7, -14, -18, 8, -10, -6, -8, 1, 5};

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

    private List<UUID> schools(SignedInUser admin) {
        List<UUID> ids = new ArrayList<>();
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
            ids.add(school.id());
        }
        return ids;
    }

    private UUID person(SignedInUser admin, String email, String name, Role role, UUID school) {
        Person person = new Person(Ids.next(), email, name, true, List.of(new Grant(role, school)), 0);
        return directory.addPerson(admin, person, PASSWORD).id();
    }

    /**
     * How far each KPI got in the plan's first year (2025-26), as a share of the progress its path expected: some ahead,
     * some a little behind (at risk), some going the wrong way (off track).
     */
    private static final double[] FIRST_YEAR_PROGRESS = {1.3, 0.9, -0.6, 1.0, 0.3, 1.6, -1.5, 0.8, 1.1, 0.0};

    /**
     * Six school years (2020-21 to 2025-26) of values, the baseline year 2024-25 among them: the district by group,
     * and each school for all students.
     */
    private void values(List<UUID> schools) {
        int enrollment = 9000;
        int index = 0;
        for (Object[] entry : kpis) {
            UUID kpi = (UUID) entry[0];
            Kpi definition = (Kpi) entry[1];
            boolean percent = definition.unit().equals("PERCENT");
            double start = definition.baseline() - (definition.target() - definition.baseline()) * 0.3;
            double progress = FIRST_YEAR_PROGRESS[index++ % FIRST_YEAR_PROGRESS.length];
            List<Measurement> values = new ArrayList<>();
            for (int year = 2020; year <= 2025; year++) {
                double trend = start + (definition.baseline() - start) * (year - 2020) / 4.0;
                double value = year == 2024 ? definition.baseline() : trend + random.nextGaussian() * 0.8;
                if (year == 2025) {
                    value = definition.baseline() + (definition.target() - definition.baseline()) / 4 * progress;
                }
                if (year == 2020 && percent) {
                    value -= definition.higherIsBetter() ? 3 : -3; // the pandemic year
                }
                values.add(measurement(kpi, year, null, "ALL", value, percent ? enrollment : null));
                if (!percent) {
                    continue;
                }
                for (int g = 1; g < GROUPS.length; g++) {
                    int n = (int) Math.round(enrollment * SHARES[g]);
                    double gap = definition.higherIsBetter() ? GAPS[g] : -GAPS[g] * 0.4;
                    values.add(
                            measurement(kpi, year, null, GROUPS[g][0], clamp(value + gap + random.nextGaussian()), n));
                }
                int total = SCHOOLS.length;
                for (int s = 0; s < total; s++) {
                    int n = (int) SCHOOLS[s][4] * 9 / 10;
                    values.add(
                            measurement(kpi, year, schools.get(s), "ALL", clamp(value + random.nextGaussian() * 4), n));
                }
            }
            measures.record(as, values);
        }
    }

    private static Measurement measurement(UUID kpi, int year, UUID school, String group, double value, Integer n) {
        return new Measurement(kpi, year, 0, school, group, round(value), n);
    }

    private void schoolPlans(List<UUID> schools, List<UUID> districtGoals) {
        String[][] plans = {
            {"Cedar Elementary Improvement Plan 2025-26", "Every Cedar third grader reads on grade level", "0"},
            {"Lakeview Middle Improvement Plan 2025-26", "Belonging and attendance for every middle schooler", "3"},
            {"Lakeview High Improvement Plan 2025-26", "Every senior graduates with a plan", "0"}
        };
        int[] schoolIndex = {0, 6, 9};
        for (int i = 0; i < plans.length; i++) {
            UUID plan = Ids.next();
            planning.savePlan(
                    as,
                    new PlanSummary(
                            plan,
                            schools.get(schoolIndex[i]),
                            PlanKind.IMPROVEMENT,
                            plans[i][0],
                            2025,
                            2025,
                            null,
                            null,
                            null,
                            PlanStatus.ADOPTED,
                            0));
            UUID goal = planning.addGoal(as, plan, plans[i][1], null);
            planning.addOutcome(as, goal, "Measured results at our school", null);
            planning.addStrategy(as, goal, "Small-group intervention three times a week", null);
            planning.align(
                    as,
                    goal,
                    districtGoals.get(Integer.parseInt(plans[i][2])),
                    "Our needs assessment shows this is where our students need us most.");
        }
    }

    private static double clamp(double percent) {
        return Math.max(0, Math.min(100, percent));
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }
}
