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
import org.lodestar.needs.analysis.Grades;
import org.lodestar.needs.domain.MetricCatalog;
import org.lodestar.shared.SchoolYear;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data page of a metric and a school year: the district (for planners) and the schools one may see, by student
 * group, each value with its n and small groups marked; and the metric's trend by year. Internal: nothing is hidden,
 * but a value from fewer students than the district's minimum n (or without n) is marked as a small group.
 */
@Component
class DataView {

    private final MetricCatalog catalog;
    private final DirectoryApi directory;
    private final MessageSource messages;
    private final JsonMapper json;

    DataView(MetricCatalog catalog, DirectoryApi directory, MessageSource messages, JsonMapper json) {
        this.catalog = catalog;
        this.directory = directory;
        this.messages = messages;
        this.json = json;
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

    /** Whose values the chart draws: the district ({@code value} "") or a school (its id). */
    public record Place(String value, String name) {}

    /**
     * The chart of a place's values by year, one line per student group (all grades), and the same values as a table
     * for screen readers; a value from a small group is in the table (marked) but not in the chart.
     *
     * @param spec the chart for lodestar.js (years and series), null when there is nothing to draw
     * @param rows one row per group, values in the order of the page's trend years
     */
    public record Chart(List<Place> places, String place, String placeName, String spec, List<TrendRow> rows) {}

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
            boolean sample,
            Chart chart) {}

    Page page(
            SignedInUser user,
            UUID metricId,
            Integer year,
            String grade,
            String trendGroup,
            String place,
            Locale locale) {
        List<CnaMetric> metrics = catalog.metrics(user);
        CnaMetric asked = metricId == null ? null : catalog.metric(user, metricId); // another district's: not found
        if (metrics.isEmpty()) {
            return new Page(
                    metrics, null, List.of(), null, null, List.of(), "", List.of(), List.of(), "ALL", List.of(),
                    List.of(), 0, false, null);
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
        Set<String> grades = new TreeSet<>(Comparator.comparing(Grades::order));
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
                sample,
                chart(user, all, trendYears, schools, place, metric, minimumN, locale));
    }

    /** The chart of one place (the district for planners by default, else the first school one leads) by group. */
    private Chart chart(
            SignedInUser user,
            List<CnaValue> all,
            List<Integer> years,
            List<School> schools,
            String asked,
            CnaMetric metric,
            int minimumN,
            Locale locale) {
        List<Place> places = new ArrayList<>();
        if (user.canPlanForDistrict()) {
            places.add(new Place("", directory.district(user.districtId()).name()));
        }
        schools.forEach(s -> places.add(new Place(s.id().toString(), s.name())));
        if (places.isEmpty()) {
            return new Chart(places, "", null, null, List.of());
        }
        Place chosen =
                places.stream().filter(p -> p.value().equals(asked)).findFirst().orElse(places.get(0));
        UUID school = chosen.value().isEmpty() ? null : UUID.fromString(chosen.value());
        List<CnaValue> ofPlace = all.stream()
                .filter(v -> java.util.Objects.equals(v.schoolId(), school)
                        && v.grade().isEmpty())
                .toList();
        List<String> codes = new ArrayList<>();
        codes.add(StudentGroup.ALL);
        Map<String, String> names = new LinkedHashMap<>();
        names.put(StudentGroup.ALL, messages.getMessage("needs.data.all", null, locale));
        directory.studentGroups(user.districtId()).stream()
                .filter(g -> !StudentGroup.ALL.equals(g.code()))
                .forEach(g -> {
                    codes.add(g.code());
                    names.put(g.code(), g.name(locale));
                });
        ofPlace.stream()
                .map(CnaValue::groupCode)
                .distinct()
                .filter(c -> !codes.contains(c))
                .forEach(c -> {
                    codes.add(c);
                    names.put(c, c);
                });
        List<TrendRow> rows = new ArrayList<>();
        List<Map<String, Object>> series = new ArrayList<>();
        for (String code : codes) {
            List<Cell> cells = new ArrayList<>();
            List<BigDecimal> drawn = new ArrayList<>();
            boolean any = false;
            boolean anyDrawn = false;
            for (int y : years) {
                CnaValue v = ofPlace.stream()
                        .filter(x -> x.schoolYear() == y && x.groupCode().equals(code))
                        .findFirst()
                        .orElse(null);
                Cell cell = v == null ? null : cell(v, metric, minimumN);
                cells.add(cell);
                drawn.add(cell == null || cell.small() ? null : cell.value());
                any |= cell != null;
                anyDrawn |= cell != null && !cell.small();
            }
            if (!any) {
                continue;
            }
            rows.add(new TrendRow(names.get(code), cells));
            if (anyDrawn) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("name", names.get(code));
                line.put("type", "line");
                line.put("data", drawn);
                line.put("connectNulls", false);
                series.add(line);
            }
        }
        String spec = null;
        if (!series.isEmpty()) {
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put(
                    "years",
                    years.stream().map(y -> SchoolYear.of(y).toString()).toList());
            chart.put("series", series);
            chart.put("fromZero", false);
            spec = json.writeValueAsString(chart);
        }
        return new Chart(places, chosen.value(), chosen.name(), spec, rows);
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
}
