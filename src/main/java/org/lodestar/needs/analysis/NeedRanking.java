package org.lodestar.needs.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Ranks the gaps of an assessment's scope into candidate needs: the largest, most persistent gaps that affect the most
 * students come first.
 *
 * <p>What is compared (each year against the same year): in a school's assessment, each student group of the school
 * against the school's all students, the school against the district, and the school and each of its groups against
 * the state's value of the same year and group where one is entered; in the district's assessment, each group of the
 * district against all students, each school against the district, each group of each school against that school's
 * all students, and the district and its groups against the state. Values of all grades together, and besides, each
 * grade's value (all students) against the same school's all grades and against the district's same grade (the
 * district's own grades against its all grades). Only values behind their reference in the latest year become
 * candidates; a grade's only when its gap is large and persistent (see {@link #largeAndPersistent}).
 *
 * <p>The score: <b>students behind</b> (for a percent, the shortfall in points times n / 100: how many more students
 * are, say, chronically absent than if the group did as well as its reference; for another unit, the shortfall as a
 * share of the reference times n; a value whose n is unknown counts as one student) times <b>persistence</b> (1 + 0.25
 * for every earlier year the value was also behind, at most 2) times <b>trend</b> (1.5 when worsening, 0.75 when
 * improving, 1 otherwise, see {@link Trend}).
 */
public final class NeedRanking {

    /** A grade's gap is a candidate only when at least this many percentage points behind (for a percent)... */
    public static final double GRADE_MIN_POINTS = 5;
    /** ...or this share of the reference behind (for another unit)... */
    public static final double GRADE_MIN_SHARE = 0.10;
    /** ...in every one of at least this many years compared. */
    public static final int GRADE_MIN_YEARS = 2;

    private static final String ALL = "ALL";

    private NeedRanking() {}

    /** What a metric is: how to read its direction and whether its values are percents. */
    public record Metric(UUID id, boolean higherIsBetter, boolean percent) {}

    /**
     * A value of a metric for the district (school null) or a school, a group ("ALL" for all students), a year and a
     * grade ("" for all grades).
     */
    public record Cell(
            UUID metricId, UUID schoolId, String groupCode, int year, String grade, double value, Integer n) {

        public Cell {
            grade = grade == null ? "" : grade;
        }

        /** A value of all grades. */
        public Cell(UUID metricId, UUID schoolId, String groupCode, int year, double value, Integer n) {
            this(metricId, schoolId, groupCode, year, "", value, n);
        }
    }

    /** Which state value: of a metric, a school year and a student group ("ALL" for all students). */
    public record StateKey(UUID metricId, int year, String groupCode) {}

    /** What a candidate is compared with. */
    public enum Against {
        ALL_STUDENTS,
        DISTRICT,
        STATE,
        ALL_GRADES
    }

    /**
     * A candidate need and its evidence.
     *
     * @param grade the grade ("" for all grades)
     * @param history the value by year (oldest first)
     * @param references the reference by year, same years
     * @param studentsBehind see the class comment
     * @param yearsBehind in how many years (with both numbers) the value was behind its reference
     */
    public record Candidate(
            UUID metricId,
            UUID schoolId,
            String groupCode,
            String grade,
            Against against,
            int year,
            Gap gap,
            Integer n,
            double studentsBehind,
            int yearsBehind,
            List<Trend.Point> history,
            List<Double> references,
            Trend trend,
            double score) {}

    /** As {@link #rank(List, List, UUID, int, Map, int)} without state values and a minimum n of 10. */
    public static List<Candidate> rank(List<Metric> metrics, List<Cell> cells, UUID schoolId, int lastYear) {
        return rank(metrics, cells, schoolId, lastYear, Map.of(), 10);
    }

    /**
     * The candidates of an assessment's scope, best first.
     *
     * @param schoolId the assessed school, or null for the district's assessment
     * @param lastYear the assessment's school year: later values are left out
     * @param stateValues the state's values by metric, year and group, where the user entered them
     * @param minimumN the district's minimum n: a grade's value from fewer students (or an unknown number) is no
     *     candidate
     */
    public static List<Candidate> rank(
            List<Metric> metrics,
            List<Cell> cells,
            UUID schoolId,
            int lastYear,
            Map<StateKey, Double> stateValues,
            int minimumN) {
        List<Candidate> candidates = new ArrayList<>();
        for (Metric metric : metrics) {
            Map<Key, Map<Integer, Cell>> series = new HashMap<>();
            cells.stream()
                    .filter(cell -> cell.metricId().equals(metric.id()) && cell.year() <= lastYear)
                    .forEach(cell -> series.computeIfAbsent(
                                    new Key(cell.schoolId(), cell.groupCode(), cell.grade()), k -> new HashMap<>())
                            .put(cell.year(), cell));
            for (Map.Entry<Key, Map<Integer, Cell>> entry : series.entrySet()) {
                Key key = entry.getKey();
                if (schoolId != null && !schoolId.equals(key.school())) {
                    continue;
                }
                Map<Integer, Cell> values = entry.getValue();
                if (!key.grade().isEmpty()) {
                    if (ALL.equals(key.group())) {
                        grade(metric, key, values, series, minimumN).forEach(candidates::add);
                    }
                    continue;
                }
                boolean all = ALL.equals(key.group());
                if (!all) {
                    compare(
                                    metric,
                                    key,
                                    values,
                                    references(series.get(new Key(key.school(), ALL, ""))),
                                    Against.ALL_STUDENTS)
                            .ifPresent(candidates::add);
                } else if (key.school() != null) {
                    compare(metric, key, values, references(series.get(new Key(null, ALL, ""))), Against.DISTRICT)
                            .ifPresent(candidates::add);
                }
                if (schoolId != null || key.school() == null) {
                    Map<Integer, Double> state = new HashMap<>();
                    stateValues.forEach((k, v) -> {
                        if (k.metricId().equals(metric.id()) && k.groupCode().equals(key.group())) {
                            state.put(k.year(), v);
                        }
                    });
                    compare(metric, key, values, state, Against.STATE).ifPresent(candidates::add);
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score)
                .reversed()
                .thenComparing(c -> c.metricId().toString())
                .thenComparing(c -> Objects.toString(c.schoolId(), ""))
                .thenComparing(Candidate::groupCode)
                .thenComparing(Candidate::grade)
                .thenComparing(Candidate::against));
        return candidates;
    }

    /**
     * Whether a grade's gap is large and persistent enough to be a need: behind in every year compared, at least
     * {@link #GRADE_MIN_YEARS} of them, in the latest by at least {@link #GRADE_MIN_POINTS} points (a percent) or
     * {@link #GRADE_MIN_SHARE} of the reference (another unit), from at least the district's minimum n of students.
     */
    static boolean largeAndPersistent(Candidate c, boolean percent, int minimumN) {
        boolean large = percent
                ? c.gap().shortfall() >= GRADE_MIN_POINTS
                : c.gap().shortfall() >= GRADE_MIN_SHARE * Math.abs(c.gap().reference());
        return large
                && c.history().size() >= GRADE_MIN_YEARS
                && c.yearsBehind() == c.history().size()
                && c.n() != null
                && c.n() >= minimumN;
    }

    private static List<Candidate> grade(
            Metric metric, Key key, Map<Integer, Cell> values, Map<Key, Map<Integer, Cell>> series, int minimumN) {
        List<Candidate> found = new ArrayList<>();
        compare(metric, key, values, references(series.get(new Key(key.school(), ALL, ""))), Against.ALL_GRADES)
                .ifPresent(found::add);
        if (key.school() != null) {
            compare(metric, key, values, references(series.get(new Key(null, ALL, key.grade()))), Against.DISTRICT)
                    .ifPresent(found::add);
        }
        return found.stream()
                .filter(c -> largeAndPersistent(c, metric.percent(), minimumN))
                .toList();
    }

    private record Key(UUID school, String group, String grade) {}

    private static Map<Integer, Double> references(Map<Integer, Cell> cells) {
        Map<Integer, Double> references = new HashMap<>();
        if (cells != null) {
            cells.forEach((year, cell) -> references.put(year, cell.value()));
        }
        return references;
    }

    private static Optional<Candidate> compare(
            Metric metric, Key key, Map<Integer, Cell> values, Map<Integer, Double> reference, Against against) {
        List<Integer> years =
                values.keySet().stream().filter(reference::containsKey).sorted().toList();
        if (years.isEmpty()) {
            return Optional.empty();
        }
        List<Trend.Point> history = new ArrayList<>();
        List<Double> references = new ArrayList<>();
        int yearsBehind = 0;
        Gap gap = null;
        for (int year : years) {
            Cell cell = values.get(year);
            double ref = reference.get(year);
            gap = Gap.of(cell.value(), ref, metric.higherIsBetter());
            if (gap.behind()) {
                yearsBehind++;
            }
            history.add(new Trend.Point(year, cell.value(), cell.n()));
            references.add(ref);
        }
        if (!gap.behind()) {
            return Optional.empty();
        }
        int latest = years.get(years.size() - 1);
        Integer n = values.get(latest).n();
        int students = n == null ? 1 : n;
        double studentsBehind;
        if (metric.percent()) {
            studentsBehind = gap.shortfall() / 100.0 * students;
        } else {
            studentsBehind = gap.reference() == 0
                    ? gap.shortfall() * students
                    : gap.shortfall() / Math.abs(gap.reference()) * students;
        }
        Trend trend = Trend.of(history, metric.higherIsBetter(), metric.percent());
        double persistence = Math.min(2.0, 1 + 0.25 * (yearsBehind - 1));
        double trendFactor = trend == null
                ? 1
                : switch (trend.verdict()) {
                    case WORSENING -> 1.5;
                    case IMPROVING -> 0.75;
                    case NO_CLEAR_CHANGE -> 1;
                };
        double score = studentsBehind * persistence * trendFactor;
        return Optional.of(new Candidate(
                metric.id(),
                key.school(),
                key.group(),
                key.grade(),
                against,
                latest,
                gap,
                n,
                studentsBehind,
                yearsBehind,
                List.copyOf(history),
                List.copyOf(references),
                trend,
                score));
    }
}
