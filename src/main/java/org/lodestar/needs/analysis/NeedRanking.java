package org.lodestar.needs.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Ranks the gaps of an assessment's scope into candidate needs: the largest, most persistent gaps that affect the most
 * students come first.
 *
 * <p>What is compared (all grades together, each year against the same year): in a school's assessment, each student
 * group of the school against the school's all students, the school against the district, and the school against the
 * state value where one is entered; in the district's assessment, each group of the district against all students,
 * each school against the district, each group of each school against that school's all students, and the district
 * against the state. Only values behind their reference in the latest year become candidates.
 *
 * <p>The score: <b>students behind</b> (for a percent, the shortfall in points times n / 100: how many more students
 * are, say, chronically absent than if the group did as well as its reference; for another unit, the shortfall as a
 * share of the reference times n; a value whose n is unknown counts as one student) times <b>persistence</b> (1 + 0.25
 * for every earlier year the value was also behind, at most 2) times <b>trend</b> (1.5 when worsening, 0.75 when
 * improving, 1 otherwise, see {@link Trend}).
 */
public final class NeedRanking {

    private NeedRanking() {}

    /** What a metric is: how to read its direction and whether its values are percents. */
    public record Metric(UUID id, boolean higherIsBetter, boolean percent) {}

    /** A value of a metric for the district (school null) or a school, a group ("ALL" for all students) and a year. */
    public record Cell(UUID metricId, UUID schoolId, String groupCode, int year, double value, Integer n) {}

    /** What a candidate is compared with. */
    public enum Against {
        ALL_STUDENTS,
        DISTRICT,
        STATE
    }

    /**
     * A candidate need and its evidence.
     *
     * @param history the value by year (oldest first)
     * @param references the reference by year, same years (the state's value repeated)
     * @param studentsBehind see the class comment
     * @param yearsBehind in how many years (with both numbers) the value was behind its reference
     */
    public record Candidate(
            UUID metricId,
            UUID schoolId,
            String groupCode,
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

    /**
     * The candidates of an assessment's scope, best first.
     *
     * @param schoolId the assessed school, or null for the district's assessment
     * @param lastYear the assessment's school year: later values are left out
     * @param stateValues the state's value by metric, where the user entered one
     */
    public static List<Candidate> rank(
            List<Metric> metrics, List<Cell> cells, UUID schoolId, int lastYear, Map<UUID, Double> stateValues) {
        List<Candidate> candidates = new ArrayList<>();
        for (Metric metric : metrics) {
            Map<Key, Map<Integer, Cell>> series = new HashMap<>();
            cells.stream()
                    .filter(cell -> cell.metricId().equals(metric.id()) && cell.year() <= lastYear)
                    .forEach(cell -> series.computeIfAbsent(
                                    new Key(cell.schoolId(), cell.groupCode()), k -> new HashMap<>())
                            .put(cell.year(), cell));
            Map<Integer, Cell> district = series.getOrDefault(new Key(null, "ALL"), Map.of());
            Double state = stateValues.get(metric.id());
            for (Map.Entry<Key, Map<Integer, Cell>> entry : series.entrySet()) {
                Key key = entry.getKey();
                boolean all = "ALL".equals(key.group());
                if (schoolId != null && !schoolId.equals(key.school())) {
                    continue;
                }
                if (!all) {
                    compare(
                                    metric,
                                    key,
                                    entry.getValue(),
                                    series.getOrDefault(new Key(key.school(), "ALL"), Map.of()),
                                    null,
                                    Against.ALL_STUDENTS)
                            .ifPresent(candidates::add);
                } else if (key.school() != null) {
                    compare(metric, key, entry.getValue(), district, null, Against.DISTRICT)
                            .ifPresent(candidates::add);
                }
                if (all && state != null && (schoolId != null || key.school() == null)) {
                    compare(metric, key, entry.getValue(), Map.of(), state, Against.STATE)
                            .ifPresent(candidates::add);
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score)
                .reversed()
                .thenComparing(c -> c.metricId().toString())
                .thenComparing(c -> Objects.toString(c.schoolId(), ""))
                .thenComparing(Candidate::groupCode));
        return candidates;
    }

    private record Key(UUID school, String group) {}

    private static java.util.Optional<Candidate> compare(
            Metric metric,
            Key key,
            Map<Integer, Cell> values,
            Map<Integer, Cell> reference,
            Double state,
            Against against) {
        List<Integer> years = values.keySet().stream()
                .filter(year -> state != null || reference.containsKey(year))
                .sorted()
                .toList();
        if (years.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<Trend.Point> history = new ArrayList<>();
        List<Double> references = new ArrayList<>();
        int yearsBehind = 0;
        Gap gap = null;
        for (int year : years) {
            Cell cell = values.get(year);
            double ref = state != null ? state : reference.get(year).value();
            gap = Gap.of(cell.value(), ref, metric.higherIsBetter());
            if (gap.behind()) {
                yearsBehind++;
            }
            history.add(new Trend.Point(year, cell.value(), cell.n()));
            references.add(ref);
        }
        if (gap == null || !gap.behind()) {
            return java.util.Optional.empty();
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
        return java.util.Optional.of(new Candidate(
                metric.id(),
                key.school(),
                key.group(),
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
