package org.lodestar.needs.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.School;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.needs.CnaMetric;
import org.lodestar.needs.CnaValue;
import org.lodestar.needs.domain.MetricCatalog;
import org.lodestar.shared.SchoolYear;
import org.springframework.stereotype.Component;

/**
 * The data page of a metric and a school year: the district (for planners) and the schools one may see, by student
 * group, each value with its n and small groups marked; and the metric's trend by year. Internal: nothing is hidden,
 * but a value from fewer students than the district's minimum n (or without n) is marked as a small group.
 */
@Component
class DataView {

    private final MetricCatalog catalog;
    private final DirectoryApi directory;

    DataView(MetricCatalog catalog, DirectoryApi directory) {
        this.catalog = catalog;
        this.directory = directory;
    }

    /** A value as the page shows it. */
    public record Cell(BigDecimal value, Integer n, boolean small) {}

    /** A row: the district (school null) or a school, its cells by group code. */
    public record Row(UUID schoolId, String name, Map<String, Cell> cells) {}

    /** A trend row: the values by year (same order as the page's years, oldest first; null when none). */
    public record TrendRow(String name, List<Cell> values) {}

    /** A school year to choose. */
    public record YearOption(int value, String label) {}

    /** A column: a student group. */
    public record Group(String code, String name) {}

    public record Page(
            List<CnaMetric> metrics,
            CnaMetric metric,
            List<YearOption> years,
            Integer year,
            String yearLabel,
            List<String> grades,
            String grade,
            List<Group> groups,
            List<Row> rows,
            String trendGroup,
            List<String> trendYears,
            List<TrendRow> trend,
            int minimumN,
            boolean sample) {}

    Page page(SignedInUser user, UUID metricId, Integer year, String grade, String trendGroup, Locale locale) {
        List<CnaMetric> metrics = catalog.metrics(user);
        CnaMetric asked = metricId == null ? null : catalog.metric(user, metricId); // another district's: not found
        if (metrics.isEmpty()) {
            return new Page(
                    metrics, null, List.of(), null, null, List.of(), "", List.of(), List.of(), "ALL", List.of(),
                    List.of(), 0, false);
        }
        CnaMetric metric = asked == null ? metrics.get(0) : asked;
        int minimumN = directory.district(user.districtId()).minimumN();
        List<Integer> years = catalog.years(user, metric.id());
        Integer chosen = year != null && years.contains(year) ? year : (years.isEmpty() ? null : years.get(0));
        String g = grade == null ? "" : grade;
        String tg = trendGroup == null || trendGroup.isBlank() ? StudentGroup.ALL : trendGroup;
        List<School> schools = visibleSchools(user);
        Set<UUID> visible = new java.util.HashSet<>();
        schools.forEach(s -> visible.add(s.id()));
        boolean district = user.canPlanForDistrict();

        List<CnaValue> all = catalog.allValues(user, metric.id()).stream()
                .filter(v -> v.schoolId() == null ? district : visible.contains(v.schoolId()))
                .toList();
        Set<String> grades = new TreeSet<>(Comparator.comparing(DataView::gradeOrder));
        all.forEach(v -> grades.add(v.grade()));
        List<CnaValue> ofYear = all.stream()
                .filter(v ->
                        chosen != null && v.schoolYear() == chosen && v.grade().equals(g))
                .toList();
        boolean sample = catalog.isSample(user, metric.id());
        List<StudentGroup> directoryGroups = directory.studentGroups(user.districtId());
        Set<String> present = new java.util.HashSet<>();
        ofYear.forEach(v -> present.add(v.groupCode()));
        List<Group> groups = new ArrayList<>();
        groups.add(new Group(StudentGroup.ALL, null));
        directoryGroups.stream()
                .filter(sg -> !sg.code().equals(StudentGroup.ALL) && present.contains(sg.code()))
                .forEach(sg -> groups.add(new Group(sg.code(), sg.name(locale))));

        List<Row> rows = new ArrayList<>();
        if (district) {
            rows.add(row(null, directory.district(user.districtId()).name(), ofYear, metric, minimumN));
        }
        for (School school : schools) {
            Row row = row(school.id(), school.name(), ofYear, metric, minimumN);
            if (!row.cells().isEmpty()) {
                rows.add(row);
            }
        }
        if (district && rows.get(0).cells().isEmpty()) {
            rows.remove(0);
        }

        List<Integer> trendYears =
                all.stream().map(CnaValue::schoolYear).distinct().sorted().toList();
        List<TrendRow> trend = new ArrayList<>();
        List<UUID> trendRows = new ArrayList<>();
        if (district) {
            trendRows.add(null);
        }
        schools.forEach(s -> trendRows.add(s.id()));
        Map<UUID, String> names = new java.util.HashMap<>();
        schools.forEach(s -> names.put(s.id(), s.name()));
        for (UUID school : trendRows) {
            List<Cell> values = new ArrayList<>();
            boolean any = false;
            for (int y : trendYears) {
                CnaValue v = all.stream()
                        .filter(x -> java.util.Objects.equals(x.schoolId(), school)
                                && x.schoolYear() == y
                                && x.groupCode().equals(tg)
                                && x.grade().isEmpty())
                        .findFirst()
                        .orElse(null);
                values.add(v == null ? null : cell(v, metric, minimumN));
                any |= v != null;
            }
            if (any) {
                trend.add(new TrendRow(
                        school == null ? directory.district(user.districtId()).name() : names.get(school), values));
            }
        }
        return new Page(
                metrics,
                metric,
                years.stream()
                        .map(y -> new YearOption(y, SchoolYear.of(y).toString()))
                        .toList(),
                chosen,
                chosen == null ? null : SchoolYear.of(chosen).toString(),
                new ArrayList<>(grades),
                g,
                groups,
                rows,
                tg,
                trendYears.stream().map(y -> SchoolYear.of(y).toString()).toList(),
                trend,
                minimumN,
                sample);
    }

    /** Planners see every school; a school leader the schools they lead. */
    private List<School> visibleSchools(SignedInUser user) {
        return directory.schools(user.districtId()).stream()
                .filter(s -> user.canLeadSchool(s.id()))
                .sorted(Comparator.comparing(School::name))
                .toList();
    }

    private static Row row(UUID schoolId, String name, List<CnaValue> values, CnaMetric metric, int minimumN) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        values.stream()
                .filter(v -> java.util.Objects.equals(v.schoolId(), schoolId))
                .forEach(v -> cells.put(v.groupCode(), cell(v, metric, minimumN)));
        return new Row(schoolId, name, cells);
    }

    private static Cell cell(CnaValue v, CnaMetric metric, int minimumN) {
        return new Cell(
                v.value().setScale(1, java.math.RoundingMode.HALF_UP),
                v.n(),
                metric.aboutStudents() && (v.n() == null || v.n() < minimumN));
    }

    private static String gradeOrder(String grade) {
        return switch (grade) {
            case "" -> "00";
            case "PK" -> "01";
            case "K" -> "02";
            default -> grade.matches("\\d{1,2}") ? String.format("%02d", 2 + Integer.parseInt(grade)) : "99" + grade;
        };
    }
}
