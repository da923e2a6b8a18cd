package org.lodestar.needs.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.StudentGroup;
import org.lodestar.needs.Assessment;
import org.lodestar.needs.CnaMetric;
import org.lodestar.needs.CnaValue;
import org.lodestar.needs.analysis.Gap;
import org.lodestar.needs.analysis.Gaps;
import org.lodestar.needs.analysis.Grades;
import org.lodestar.needs.analysis.NeedRanking;
import org.lodestar.needs.analysis.Trend;
import org.springframework.stereotype.Component;

/**
 * The gaps of an assessment's scope by metric and the candidate needs ranked from them, not yet taken as needs. Values
 * of all grades together ({@code grade = ''}), and each grade's (all students) against its school's all grades and the
 * district's same grade; values of years after the assessment's are left out.
 */
@Component
public class AssessmentAnalysis {

    /** How many ranked candidates the assessment page offers. */
    public static final int OFFERED = 12;

    private final CnaStore cna;
    private final NeedStore needs;
    private final DirectoryApi directory;

    AssessmentAnalysis(CnaStore cna, NeedStore needs, DirectoryApi directory) {
        this.cna = cna;
        this.needs = needs;
        this.directory = directory;
    }

    /**
     * A metric's values in the scope in its latest year, each with its gaps and trend, and its grades' values.
     *
     * @param state the state's values of that year by student group, where entered
     * @param grades each grade's value (all students) of the district or a school, empty when there are none
     */
    public record MetricGaps(
            CnaMetric metric, int year, Map<String, Double> state, List<Row> rows, List<GradeRow> grades) {

        public boolean hasGrades() {
            return !grades.isEmpty();
        }

        MetricGaps withGrades(List<GradeRow> grades) {
            return new MetricGaps(metric, year, state, rows, grades);
        }
    }

    /**
     * A grade's value (all students) with its gaps against the same school's (or the district's) all grades and the
     * district's same grade (null where it does not apply).
     *
     * @param small whether it is computed from fewer students than the district's minimum n, or an unknown number
     */
    public record GradeRow(
            UUID schoolId,
            String grade,
            double value,
            Integer n,
            boolean small,
            Gap againstAllGrades,
            Gap againstDistrictGrade,
            Trend trend) {}

    /**
     * A value with its gaps (each null where it does not apply).
     *
     * @param schoolId the school, or null for the district
     */
    public record Row(
            UUID schoolId,
            String groupCode,
            double value,
            Integer n,
            Gap againstAll,
            Gap againstBest,
            Gap againstDistrict,
            Gap againstState,
            Trend trend) {}

    /** Everything the assessment page shows of the data. */
    /**
     * The gaps by metric and every candidate not yet taken, ranked; a page offers the first {@link #OFFERED}, and a
     * candidate is taken by its key from the whole list, so data added meanwhile does not push a shown one away.
     */
    public record Analysis(List<MetricGaps> metrics, List<NeedRanking.Candidate> candidates) {

        public List<NeedRanking.Candidate> offered() {
            return candidates.stream().limit(OFFERED).toList();
        }
    }

    public Analysis of(UUID districtId, Assessment assessment) {
        List<CnaMetric> metrics = cna.metrics(districtId);
        if (metrics.isEmpty()) {
            return new Analysis(List.of(), List.of());
        }
        Map<UUID, CnaMetric> byId = new LinkedHashMap<>();
        metrics.forEach(m -> byId.put(m.id(), m));
        List<CnaValue> everyGrade = cna.values(districtId, byId.keySet()).stream()
                .filter(v -> v.schoolYear() <= assessment.schoolYear())
                .toList();
        List<CnaValue> values =
                everyGrade.stream().filter(v -> v.grade().isEmpty()).toList();
        Map<NeedRanking.StateKey, Double> state = needs.stateValues(districtId);
        int minimumN = directory.district(districtId).minimumN();
        List<NeedRanking.Metric> ranked = metrics.stream()
                .map(m -> new NeedRanking.Metric(m.id(), m.higherIsBetter(), m.unit() == CnaMetric.Unit.PERCENT))
                .toList();
        List<NeedRanking.Cell> cells = everyGrade.stream()
                .filter(v -> v.grade().isEmpty() || StudentGroup.ALL.equals(v.groupCode()))
                .map(v -> new NeedRanking.Cell(
                        v.metricId(),
                        v.schoolId(),
                        v.groupCode(),
                        v.schoolYear(),
                        v.grade(),
                        v.value().doubleValue(),
                        v.n()))
                .toList();
        Set<String> taken = new HashSet<>();
        List<UUID> needIds = needs.needsOf(districtId, assessment.id()).stream()
                .map(Need::id)
                .toList();
        needs.evidence(districtId, needIds).values().stream()
                .flatMap(List::stream)
                .forEach(e -> taken.add(key(e.metricId(), e.schoolId(), e.groupCode(), e.grade(), e.against())));
        List<NeedRanking.Candidate> candidates =
                NeedRanking.rank(ranked, cells, assessment.schoolId(), assessment.schoolYear(), state, minimumN)
                        .stream()
                        .filter(c -> !taken.contains(key(c)))
                        .toList();
        List<MetricGaps> gaps = new ArrayList<>();
        for (CnaMetric metric : metrics) {
            List<CnaValue> own = values.stream()
                    .filter(v -> v.metricId().equals(metric.id()))
                    .toList();
            List<CnaValue> ownGrades = everyGrade.stream()
                    .filter(v -> v.metricId().equals(metric.id())
                            && !v.grade().isEmpty()
                            && StudentGroup.ALL.equals(v.groupCode()))
                    .toList();
            own.stream().mapToInt(CnaValue::schoolYear).max().ifPresent(year -> {
                Map<String, Double> stateOfYear = new LinkedHashMap<>();
                state.forEach((k, v) -> {
                    if (k.metricId().equals(metric.id()) && k.year() == year) {
                        stateOfYear.put(k.groupCode(), v);
                    }
                });
                gaps.add(gapsOf(metric, own, year, assessment.schoolId(), stateOfYear)
                        .withGrades(gradesOf(metric, ownGrades, own, year, assessment.schoolId(), minimumN)));
            });
        }
        return new Analysis(gaps, candidates);
    }

    /** The key a candidate is offered by, and by which one already taken is not offered again. */
    public static String key(NeedRanking.Candidate c) {
        return key(
                c.metricId(),
                c.schoolId(),
                c.groupCode(),
                c.grade(),
                c.against().name());
    }

    static String key(UUID metric, UUID school, String group, String grade, String against) {
        // a grade's candidate has its grade at the end; an all-grades one keeps the key it always had
        return metric + ":" + Objects.toString(school, "-") + ":" + group + ":" + against
                + (grade.isEmpty() ? "" : ":" + grade);
    }

    /**
     * The grades' values (all students) of the latest year in the scope, district first then by school and grade,
     * each against its school's all grades and the district's same grade.
     */
    private static List<GradeRow> gradesOf(
            CnaMetric metric, List<CnaValue> grades, List<CnaValue> allGrades, int year, UUID scope, int minimumN) {
        boolean up = metric.higherIsBetter();
        boolean percent = metric.unit() == CnaMetric.Unit.PERCENT;
        List<GradeRow> rows = new ArrayList<>();
        grades.stream()
                .filter(v -> v.schoolYear() == year)
                .filter(v -> scope == null || v.schoolId() == null || scope.equals(v.schoolId()))
                .sorted(Comparator.comparing((CnaValue v) ->
                                v.schoolId() == null ? "" : v.schoolId().toString())
                        .thenComparing(v -> Grades.order(v.grade())))
                .forEach(v -> {
                    double value = v.value().doubleValue();
                    Double all = allGrades.stream()
                            .filter(o -> o.schoolYear() == year
                                    && Objects.equals(o.schoolId(), v.schoolId())
                                    && StudentGroup.ALL.equals(o.groupCode()))
                            .map(o -> o.value().doubleValue())
                            .findFirst()
                            .orElse(null);
                    Double district = v.schoolId() == null
                            ? null
                            : grades.stream()
                                    .filter(o -> o.schoolYear() == year
                                            && o.schoolId() == null
                                            && o.grade().equals(v.grade()))
                                    .map(o -> o.value().doubleValue())
                                    .findFirst()
                                    .orElse(null);
                    List<Trend.Point> history = grades.stream()
                            .filter(o -> Objects.equals(o.schoolId(), v.schoolId())
                                    && o.grade().equals(v.grade()))
                            .map(o -> new Trend.Point(o.schoolYear(), o.value().doubleValue(), o.n()))
                            .toList();
                    rows.add(new GradeRow(
                            v.schoolId(),
                            v.grade(),
                            value,
                            v.n(),
                            metric.aboutStudents() && (v.n() == null || v.n() < minimumN),
                            all == null ? null : Gap.of(value, all, up),
                            district == null ? null : Gap.of(value, district, up),
                            Trend.of(history, up, percent)));
                });
        return rows;
    }

    private MetricGaps gapsOf(
            CnaMetric metric, List<CnaValue> values, int year, UUID scope, Map<String, Double> state) {
        boolean up = metric.higherIsBetter();
        boolean percent = metric.unit() == CnaMetric.Unit.PERCENT;
        List<CnaValue> latest = values.stream()
                .filter(v -> v.schoolYear() == year)
                .filter(v -> scope == null || v.schoolId() == null || scope.equals(v.schoolId()))
                .sorted(Comparator.comparing((CnaValue v) ->
                                v.schoolId() == null ? "" : v.schoolId().toString())
                        .thenComparing(v -> "ALL".equals(v.groupCode()) ? "" : v.groupCode()))
                .toList();
        Double district = latest.stream()
                .filter(v -> v.schoolId() == null && "ALL".equals(v.groupCode()))
                .map(v -> v.value().doubleValue())
                .findFirst()
                .orElse(null);
        List<Row> rows = new ArrayList<>();
        for (CnaValue v : latest) {
            double value = v.value().doubleValue();
            Map<String, Double> groups = new LinkedHashMap<>();
            latest.stream()
                    .filter(o -> Objects.equals(o.schoolId(), v.schoolId()) && !"ALL".equals(o.groupCode()))
                    .forEach(o -> groups.put(o.groupCode(), o.value().doubleValue()));
            Double all = latest.stream()
                    .filter(o -> Objects.equals(o.schoolId(), v.schoolId()) && "ALL".equals(o.groupCode()))
                    .map(o -> o.value().doubleValue())
                    .findFirst()
                    .orElse(null);
            boolean isAll = "ALL".equals(v.groupCode());
            Gap againstAll = !isAll && all != null ? Gap.of(value, all, up) : null;
            Gap againstBest =
                    !isAll && groups.size() > 1 ? Gaps.againstBest(groups, up).get(v.groupCode()) : null;
            Gap againstDistrict =
                    isAll && v.schoolId() != null && district != null ? Gap.of(value, district, up) : null;
            Double stateOfGroup = state.get(v.groupCode());
            Gap againstState = stateOfGroup != null ? Gap.of(value, stateOfGroup, up) : null;
            List<Trend.Point> history = values.stream()
                    .filter(o -> Objects.equals(o.schoolId(), v.schoolId())
                            && o.groupCode().equals(v.groupCode()))
                    .map(o -> new Trend.Point(o.schoolYear(), o.value().doubleValue(), o.n()))
                    .toList();
            rows.add(new Row(
                    v.schoolId(),
                    v.groupCode(),
                    value,
                    v.n(),
                    againstAll,
                    againstBest,
                    againstDistrict,
                    againstState,
                    Trend.of(history, up, percent)));
        }
        return new MetricGaps(metric, year, state, rows, List.of());
    }
}
