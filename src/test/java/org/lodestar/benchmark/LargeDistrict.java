package org.lodestar.benchmark;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Not a test: writes one large district for the load benchmark, straight into the tables. 200 schools, a strategic plan
 * of 10 goals with 2 outcomes each (and strategies and projects), 60 published KPIs by school and student group with
 * targets, and 10 school years (2016-17 to 2025-26) of values: the district for all 11 groups and every school for
 * all students and 7 groups, 966,600 measurements, written with PostgreSQL's {@code COPY}. A planner signs in as
 * {@value #PLANNER} with the password {@value #PASSWORD}.
 */
public final class LargeDistrict {

    public static final String SLUG = "large";
    public static final String PLANNER = "planner@large.example";
    public static final String PASSWORD = "lodestar-demo";
    public static final int SCHOOLS = 200;
    public static final int GOALS = 10;
    public static final int OUTCOMES_PER_GOAL = 2;
    public static final int KPIS_PER_OUTCOME = 3;
    public static final int FIRST_YEAR = 2016;
    public static final int LAST_YEAR = 2025;

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
    private static final double[] SHARES = {1, 0.46, 0.54, 0.14, 0.13, 0.08, 0.17, 0.31, 0.0009, 0.06, 0.3791};
    private static final double[] GAPS = {0, -9, 7, -14, -18, 8, -10, -6, -8, 1, 5};
    /** The groups each school reports besides all students (indexes into {@link #GROUPS}). */
    private static final int[] SCHOOL_GROUPS = {0, 1, 2, 3, 4, 6, 7, 10};

    private static final String[][] LEVELS = {
        {"ELEMENTARY", "K", "5"}, {"ELEMENTARY", "K", "5"}, {"MIDDLE", "6", "8"}, {"HIGH", "9", "12"}
    };

    /** What the benchmark needs to find its pages. */
    public record Generated(UUID district, UUID plan, UUID kpi, int schools, int kpis, long measurements) {}

    private LargeDistrict() {}

    /**
     * Writes the district in one transaction.
     *
     * @param passwordHash the stored hash of {@link #PASSWORD}, from the application's password encoder
     */
    public static Generated generate(DataSource dataSource, String passwordHash) throws SQLException, IOException {
        Random random = new Random(7);
        UUID district = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            update(
                    connection,
                    "insert into district (id, name, slug, sample_data) values (?, ?, ?, true)",
                    district,
                    "Large Unified School District (benchmark)",
                    SLUG);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into student_group (district_id, code, name_en, name_es, family, position) values (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < GROUPS.length; i++) {
                    set(insert, district, GROUPS[i][0], GROUPS[i][1], GROUPS[i][2], GROUPS[i][3], i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            List<UUID> schools = new ArrayList<>();
            int[] enrollments = new int[SCHOOLS];
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into school (district_id, id, name, state_id, level, lowest_grade, highest_grade, capacity,
                        address)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int s = 0; s < SCHOOLS; s++) {
                    UUID id = UUID.randomUUID();
                    String[] level = LEVELS[s % LEVELS.length];
                    enrollments[s] = level[0].equals("HIGH") ? 1200 + random.nextInt(800) : 300 + random.nextInt(500);
                    String name = switch (level[0]) {
                        case "ELEMENTARY" -> "Elementary";
                        case "MIDDLE" -> "Middle";
                        default -> "High";
                    };
                    set(
                            insert,
                            district,
                            id,
                            String.format("School %03d %s", s + 1, name),
                            String.format("LG-%03d", s + 1),
                            level[0],
                            level[1],
                            level[2],
                            enrollments[s] + 100,
                            (100 + s) + " Main Street, Large City");
                    insert.addBatch();
                    schools.add(id);
                }
                insert.executeBatch();
            }
            UUID planner = UUID.randomUUID();
            update(
                    connection,
                    "insert into app_user (district_id, id, email, display_name, password_hash) values (?, ?, ?, ?, ?)",
                    district,
                    planner,
                    PLANNER,
                    "Benchmark Planner",
                    passwordHash);
            update(
                    connection,
                    "insert into role_grant (district_id, id, user_id, role, school_id) values (?, ?, ?, 'PLANNER', null)",
                    district,
                    UUID.randomUUID(),
                    planner);

            UUID plan = UUID.randomUUID();
            update(
                    connection,
                    """
                    insert into plan (district_id, id, school_id, kind, title, first_year, last_year, vision, mission,
                        core_values, status)
                    values (?, ?, null, 'STRATEGIC', ?, 2025, 2029, ?, ?, ?, 'ADOPTED')""",
                    district,
                    plan,
                    "Large 2030: Every Student Ready",
                    "Every graduate is ready for college, career and community.",
                    "We engage every student in rigorous, joyful learning.",
                    "Equity · Excellence · Belonging");
            List<UUID> outcomes = new ArrayList<>();
            try (PreparedStatement goals = connection.prepareStatement(
                            "insert into goal (district_id, id, plan_id, title, description, owner_id, position, published) values (?, ?, ?, ?, ?, ?, ?, true)");
                    PreparedStatement outcomeInsert = connection.prepareStatement(
                            "insert into outcome (district_id, id, goal_id, title, owner_id, position) values (?, ?, ?, ?, ?, ?)");
                    PreparedStatement strategies = connection.prepareStatement(
                            "insert into strategy (district_id, id, goal_id, title, owner_id, position) values (?, ?, ?, ?, ?, ?)");
                    PreparedStatement projects = connection.prepareStatement(
                            "insert into project (district_id, id, strategy_id, title, owner_id, position, status) values (?, ?, ?, ?, ?, ?, ?)")) {
                for (int g = 1; g <= GOALS; g++) {
                    UUID goal = UUID.randomUUID();
                    set(
                            goals,
                            district,
                            goal,
                            plan,
                            "Goal " + g + ": better results for every student",
                            null,
                            planner,
                            g);
                    goals.addBatch();
                    for (int o = 1; o <= OUTCOMES_PER_GOAL; o++) {
                        UUID outcome = UUID.randomUUID();
                        set(outcomeInsert, district, outcome, goal, "Measured results (" + g + "." + o + ")", null, o);
                        outcomeInsert.addBatch();
                        outcomes.add(outcome);
                    }
                    for (int st = 1; st <= 2; st++) {
                        UUID strategy = UUID.randomUUID();
                        set(strategies, district, strategy, goal, "Strategy " + g + "." + st, planner, st);
                        strategies.addBatch();
                        for (int p = 1; p <= 2; p++) {
                            set(
                                    projects,
                                    district,
                                    UUID.randomUUID(),
                                    strategy,
                                    "Project " + g + "." + st + "." + p,
                                    null,
                                    p,
                                    p == 1 ? "ON_TRACK" : "NOT_STARTED");
                            projects.addBatch();
                        }
                    }
                    // goals reference the plan, outcomes and strategies the goal: flush in order
                    goals.executeBatch();
                    outcomeInsert.executeBatch();
                    strategies.executeBatch();
                    projects.executeBatch();
                }
            }
            List<UUID> kpis = new ArrayList<>();
            List<double[]> shapes = new ArrayList<>();
            try (PreparedStatement kpiInsert = connection.prepareStatement("""
                            insert into kpi (district_id, id, outcome_id, name, unit, direction, baseline_value,
                                baseline_year, frequency, data_source, owner_id, by_student_group, published, position)
                            values (?, ?, ?, ?, 'PERCENT', ?, ?, 2024, 'ANNUAL', 'State accountability file', ?, true,
                                true, ?)""");
                    PreparedStatement targets = connection.prepareStatement(
                            "insert into kpi_target (district_id, kpi_id, school_year, value) values (?, ?, ?, ?)")) {
                int number = 0;
                for (UUID outcome : outcomes) {
                    for (int k = 1; k <= KPIS_PER_OUTCOME; k++) {
                        number++;
                        UUID kpi = UUID.randomUUID();
                        boolean higher = number % 5 != 0;
                        double baseline = 40 + random.nextInt(45);
                        double target = higher ? Math.min(99, baseline + 8 + random.nextInt(8)) : baseline - 10;
                        set(
                                kpiInsert,
                                district,
                                kpi,
                                outcome,
                                "Indicator " + number + ": students meeting the standard",
                                higher ? "HIGHER_IS_BETTER" : "LOWER_IS_BETTER",
                                baseline,
                                planner,
                                k);
                        kpiInsert.addBatch();
                        set(targets, district, kpi, 2026, round(baseline + (target - baseline) / 2));
                        targets.addBatch();
                        set(targets, district, kpi, 2029, round(target));
                        targets.addBatch();
                        kpis.add(kpi);
                        shapes.add(new double[] {baseline, target, higher ? 1 : 0});
                    }
                }
                kpiInsert.executeBatch();
                targets.executeBatch();
            }
            long measurements = copyMeasurements(connection, district, kpis, shapes, schools, enrollments, now, random);
            connection.commit();
            try (var statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("analyze");
            }
            return new Generated(district, plan, kpis.get(0), SCHOOLS, kpis.size(), measurements);
        }
    }

    private static long copyMeasurements(
            Connection connection,
            UUID district,
            List<UUID> kpis,
            List<double[]> shapes,
            List<UUID> schools,
            int[] enrollments,
            Timestamp now,
            Random random)
            throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        String sql = "copy measurement (district_id, id, kpi_id, school_year, period, school_id, group_code, value, n,"
                + " recorded_at, recorded_by) from stdin (format text)";
        String recorded = now.toInstant().toString();
        int districtEnrollment = 0;
        for (int e : enrollments) {
            districtEnrollment += e;
        }
        long rows = 0;
        for (int k = 0; k < kpis.size(); k++) {
            // one COPY per KPI: about 16,000 rows, 1.5 MB of text
            StringBuilder text = new StringBuilder(2_000_000);
            double baseline = shapes.get(k)[0];
            double target = shapes.get(k)[1];
            boolean higher = shapes.get(k)[2] == 1;
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                double value = baseline + (target - baseline) * (year - 2024) / 5.0 + random.nextGaussian();
                for (int g = 0; g < GROUPS.length; g++) {
                    double gap = higher ? GAPS[g] : -GAPS[g] * 0.4;
                    int n = (int) Math.round(districtEnrollment * SHARES[g]);
                    row(text, district, kpis.get(k), year, null, GROUPS[g][0], value + gap, n, recorded);
                    rows++;
                }
                for (int s = 0; s < schools.size(); s++) {
                    double school = value + random.nextGaussian() * 4;
                    for (int g : SCHOOL_GROUPS) {
                        double gap = higher ? GAPS[g] : -GAPS[g] * 0.4;
                        int n = (int) Math.round(enrollments[s] * SHARES[g]);
                        row(
                                text,
                                district,
                                kpis.get(k),
                                year,
                                schools.get(s),
                                GROUPS[g][0],
                                school + gap + random.nextGaussian(),
                                n,
                                recorded);
                        rows++;
                    }
                }
            }
            copy.copyIn(sql, new StringReader(text.toString()));
        }
        return rows;
    }

    private static void row(
            StringBuilder text,
            UUID district,
            UUID kpi,
            int year,
            UUID school,
            String group,
            double value,
            int n,
            String recorded) {
        text.append(district)
                .append('\t')
                .append(UUID.randomUUID())
                .append('\t')
                .append(kpi)
                .append('\t')
                .append(year)
                .append("\t0\t")
                .append(school == null ? "\\N" : school.toString())
                .append('\t')
                .append(group)
                .append('\t')
                .append(round(Math.max(0, Math.min(100, value))))
                .append('\t')
                .append(n)
                .append('\t')
                .append(recorded)
                .append("\tbenchmark\n");
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static void update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            set(statement, params);
            statement.executeUpdate();
        }
    }

    private static void set(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }
}
