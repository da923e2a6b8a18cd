package org.lodestar.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.lodestar.directory.SchoolLevel;
import org.lodestar.directory.SignedInUser;
import org.lodestar.needs.CnaArea;
import org.lodestar.needs.CnaMetric;
import org.lodestar.needs.CnaValue;
import org.lodestar.needs.NeedsApi;

/**
 * The data behind the district's 2025-26 needs assessment, sample values (source SAMPLE) of four school years
 * (2022-23 to 2025-26) for the district and every school, all students and four student groups: attendance, chronic
 * absenteeism, proficiency in mathematics and reading, and students who feel safe (a climate survey). It carries a real
 * gap to find: chronic absenteeism of economically disadvantaged students rises year after year while that of the
 * others holds. Some groups are deliberately small (students with disabilities at Harbor Alternative High, English
 * learners at Summit Middle) so that the small-group marks and suppression show. Mathematics also by grade (3 to 5, all
 * students) at the elementary schools, where Cedar Elementary's grade 3 stays about 8 points behind its other grades.
 */
final class DemoNeedsData {

    static final String TITLE = "2025-26 needs assessment";
    private static final int FIRST = 2022;
    private static final int LAST = 2025;

    /** Group code and its share of a school's students. */
    private static final Map<String, Double> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("ALL", 1.0);
        GROUPS.put("ECON", 0.46);
        GROUPS.put("NOT_ECON", 0.54);
        GROUPS.put("EL", 0.17);
        GROUPS.put("SWD", 0.12);
    }

    private final NeedsApi needs;
    private final DemoPeople people;
    private final List<DemoSchool> schools;
    private final Random random = new Random(11);

    DemoNeedsData(NeedsApi needs, DemoPeople people, List<DemoSchool> schools) {
        this.needs = needs;
        this.people = people;
        this.schools = schools;
    }

    void load() {
        SignedInUser planner = people.as("planner");
        needs.districtAssessment(planner, LAST, TITLE);
        CnaMetric attendance = metric(
                planner,
                "ATTENDANCE_RATE",
                "Attendance rate",
                "Tasa de asistencia",
                CnaArea.ATTENDANCE_AND_BEHAVIOR,
                true);
        CnaMetric chronic = metric(
                planner,
                "CHRONIC_ABSENTEEISM",
                "Chronic absenteeism",
                "Ausentismo crónico",
                CnaArea.ATTENDANCE_AND_BEHAVIOR,
                false);
        CnaMetric math = metric(
                planner,
                "PROFICIENCY_MATHEMATICS",
                "Students proficient in mathematics",
                "Estudiantes competentes en matemáticas",
                CnaArea.STUDENT_ACHIEVEMENT,
                true);
        CnaMetric reading = metric(
                planner,
                "PROFICIENCY_READING",
                "Students proficient in reading",
                "Estudiantes competentes en lectura",
                CnaArea.STUDENT_ACHIEVEMENT,
                true);
        CnaMetric safe = metric(
                planner,
                "STUDENTS_FEEL_SAFE",
                "Students who feel safe at school (survey)",
                "Estudiantes que se sienten seguros en la escuela (encuesta)",
                CnaArea.CLIMATE_AND_SAFETY,
                true);
        List<CnaValue> values = new ArrayList<>();
        for (int year = FIRST; year <= LAST; year++) {
            int t = year - FIRST;
            // chronic absenteeism: economically disadvantaged students rise 2.5 points a year, the others hold
            values.addAll(metricValues(chronic, year, 1.0, (school, group) -> {
                double base = school.level() == SchoolLevel.HIGH ? 19 : school.level() == SchoolLevel.MIDDLE ? 15 : 12;
                return base
                        + switch (group) {
                            case "ECON" -> 7 + 2.5 * t;
                            case "NOT_ECON" -> -4 - 0.2 * t;
                            case "EL" -> 3 + 1.0 * t;
                            case "SWD" -> 8;
                            default -> 0.46 * (7 + 2.5 * t) + 0.54 * (-4 - 0.2 * t);
                        };
            }));
            values.addAll(metricValues(attendance, year, 1.0, (school, group) -> {
                double base = school.level() == SchoolLevel.HIGH ? 92.5 : 94.5;
                return base
                        + switch (group) {
                            case "ECON" -> -1.6 - 0.5 * t;
                            case "NOT_ECON" -> 1.0;
                            case "EL" -> -0.8;
                            case "SWD" -> -1.9;
                            default -> 0.46 * (-1.6 - 0.5 * t) + 0.54;
                        };
            }));
            values.addAll(metricValues(math, year, 0.75, (school, group) -> {
                double base = school.level() == SchoolLevel.ELEMENTARY ? 48 : 41;
                return base + 1.2 * t + gap(group);
            }));
            values.addAll(metricValues(reading, year, 0.75, (school, group) -> {
                double base = school.level() == SchoolLevel.ELEMENTARY ? 52 : 47;
                return base + 0.8 * t + gap(group);
            }));
            // the survey: about 60% of students answer
            values.addAll(metricValues(safe, year, 0.6, (school, group) -> {
                double base = school.level() == SchoolLevel.MIDDLE ? 71 : 79;
                return base + 0.5 * t + (group.equals("EL") ? -6 : group.equals("SWD") ? -8 : 0);
            }));
        }
        values.addAll(grades(math, values));
        needs.saveSampleValues(planner, values);
    }

    /**
     * Mathematics by grade (3, 4, 5; all students) at the elementary schools: around the school's all-students value,
     * each grade a third of its n; Cedar's grade 3 is 8 points under, its grades 4 and 5 4 over. The district's grade
     * values are the schools', weighted by n.
     */
    private List<CnaValue> grades(CnaMetric math, List<CnaValue> values) {
        List<CnaValue> grades = new ArrayList<>();
        for (int year = FIRST; year <= LAST; year++) {
            Map<String, double[]> district = new LinkedHashMap<>();
            for (DemoSchool school : schools) {
                if (school.level() != SchoolLevel.ELEMENTARY) {
                    continue;
                }
                int y = year;
                CnaValue all = values.stream()
                        .filter(v -> v.metricId().equals(math.id())
                                && school.id().equals(v.schoolId())
                                && v.groupCode().equals("ALL")
                                && v.schoolYear() == y)
                        .findFirst()
                        .orElseThrow();
                boolean cedar = school.name().startsWith("Cedar");
                for (String grade : List.of("3", "4", "5")) {
                    double offset = cedar ? (grade.equals("3") ? -8 : 4) : random.nextGaussian() * 1.5;
                    double v = clamp(all.value().doubleValue() + offset + random.nextGaussian() * 0.5);
                    int n = Math.max(1, all.n() / 3);
                    grades.add(new CnaValue(
                            math.id(),
                            school.id(),
                            "ALL",
                            year,
                            grade,
                            BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP),
                            n));
                    double[] sums = district.computeIfAbsent(grade, g -> new double[2]);
                    sums[0] += v * n;
                    sums[1] += n;
                }
            }
            int y = year;
            district.forEach((grade, s) -> grades.add(new CnaValue(
                    math.id(),
                    null,
                    "ALL",
                    y,
                    grade,
                    BigDecimal.valueOf(s[0] / s[1]).setScale(1, RoundingMode.HALF_UP),
                    (int) s[1])));
        }
        return grades;
    }

    private static double gap(String group) {
        return switch (group) {
            case "ECON" -> -12;
            case "NOT_ECON" -> 10;
            case "EL" -> -19;
            case "SWD" -> -24;
            default -> -12 * 0.46 + 10 * 0.54;
        };
    }

    private CnaMetric metric(SignedInUser planner, String code, String en, String es, CnaArea area, boolean higher) {
        return needs.sampleMetric(
                planner, new CnaMetric(null, code, en, es, area, CnaMetric.Unit.PERCENT, higher, true, null, 0));
    }

    private interface Level {
        double of(DemoSchool school, String group);
    }

    /**
     * Each school's values (the level plus a little noise of its own) and the district's, weighted by n; n is the
     * share of a school's students in the group times {@code answering} (tested, or answering a survey).
     */
    private List<CnaValue> metricValues(CnaMetric metric, int year, double answering, Level level) {
        List<CnaValue> values = new ArrayList<>();
        Map<String, double[]> district = new LinkedHashMap<>();
        for (DemoSchool school : schools) {
            double noise = random.nextGaussian() * 1.5;
            Map<String, double[]> cells = new LinkedHashMap<>(); // group -> value, n
            for (var group : GROUPS.entrySet()) {
                int n = (int) Math.round(school.capacity() * 0.93 * group.getValue() * answering);
                if (school.name().equals("Harbor Alternative High")
                        && group.getKey().equals("SWD")) {
                    n = 6; // a small group
                }
                if (school.name().equals("Summit Middle") && group.getKey().equals("EL")) {
                    n = 7; // a small group
                }
                double v = clamp(level.of(school, group.getKey()) + noise + random.nextGaussian() * 0.6);
                cells.put(group.getKey(), new double[] {v, n});
            }
            // economically disadvantaged and not are every student between them, and all students their mean, as real
            // data would be: a remainder of a student or two would be a hidden cell the others could reveal, so the
            // shared tables (data packs) would hide the very group the needs are about
            double[] all = cells.get("ALL");
            double[] econ = cells.get("ECON");
            double[] notEcon = cells.get("NOT_ECON");
            notEcon[1] = all[1] - econ[1];
            all[0] = (econ[0] * econ[1] + notEcon[0] * notEcon[1]) / all[1];
            cells.forEach((group, cell) -> {
                values.add(value(metric, school.id(), group, year, cell[0], (int) cell[1]));
                double[] sums = district.computeIfAbsent(group, g -> new double[2]);
                sums[0] += cell[0] * cell[1];
                sums[1] += cell[1];
            });
        }
        district.forEach((group, s) -> values.add(value(metric, null, group, year, s[0] / s[1], (int) s[1])));
        return values;
    }

    private static double clamp(double v) {
        return Math.max(0.5, Math.min(99.5, v));
    }

    private static CnaValue value(CnaMetric metric, java.util.UUID school, String group, int year, double v, int n) {
        return new CnaValue(
                metric.id(), school, group, year, "", BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP), n);
    }
}
