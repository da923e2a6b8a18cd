package org.lodestar.engagement.conversations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.District;
import org.lodestar.directory.School;
import org.lodestar.directory.StudentGroup;
import org.lodestar.needs.Assessment;
import org.lodestar.needs.CnaArea;
import org.lodestar.needs.CnaMetric;
import org.lodestar.needs.CnaValue;
import org.lodestar.needs.NeedsApi;
import org.lodestar.shared.LocalizedNumbers;
import org.lodestar.shared.SchoolYear;
import org.lodestar.shared.Suppression;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The data pack of a session: the chosen areas' metrics for the assessment's scope (the district and its schools, or
 * one school), by school and student group with the gap to all students, and a small trend of all students per
 * metric. A pack goes to stakeholders, so every value about students from fewer than the district's minimum n (or an
 * unknown n) is hidden, with complementary suppression across the groups of a school and the schools of a group; no n
 * is shown at all.
 */
@Component
class DataPacks {

    private static final String DISTRICT_ROW = "district";

    private final NeedsApi needs;
    private final DirectoryApi directory;
    private final MessageSource messages;

    DataPacks(NeedsApi needs, DirectoryApi directory, MessageSource messages) {
        this.needs = needs;
        this.directory = directory;
        this.messages = messages;
    }

    /** A data pack, ready to show: every text in the reader's language, hidden values already left out. */
    public record Pack(
            String assessmentTitle,
            String schoolYear,
            String scope,
            int minimumN,
            boolean sampleData,
            List<AreaPart> areas) {

        public boolean empty() {
            return areas.isEmpty();
        }
    }

    public record AreaPart(CnaArea area, List<MetricPart> metrics) {}

    /**
     * One metric's table: rows are the district and schools (or the one school), columns all students then each
     * student group; {@code chart} is a PNG data URI of all students' trend, or null with fewer than two years shown.
     */
    public record MetricPart(
            String name,
            String year,
            boolean higherIsBetter,
            List<String> columns,
            List<Row> rows,
            String chart,
            List<TrendPoint> trend,
            boolean anyHidden) {}

    public record Row(String label, List<Cell> cells) {}

    /** A shown value with its gap to all students of the row (null for all students), or a hidden one. */
    public record Cell(String value, String gap, boolean hidden) {}

    public record TrendPoint(String year, String value) {}

    Pack of(UUID districtId, Assessment assessment, ConversationStore.Session session, Locale locale) {
        District district = directory.district(districtId);
        int minimumN = district.minimumN();
        Set<UUID> chosen = new LinkedHashSet<>(session.metricIds());
        List<CnaMetric> metrics = needs.metrics(districtId).stream()
                .filter(m -> chosen.contains(m.id()) || session.areas().contains(m.area()))
                .limit(ConversationStore.MAX_METRICS)
                .toList();
        Map<UUID, List<CnaValue>> valuesOf =
                needs.values(districtId, metrics.stream().map(CnaMetric::id).toList()).stream()
                        .filter(v -> v.grade().isEmpty())
                        .filter(v -> assessment.schoolId() == null
                                || assessment.schoolId().equals(v.schoolId()))
                        .collect(Collectors.groupingBy(CnaValue::metricId));
        Map<UUID, School> schools = directory.schoolsById(districtId);
        List<StudentGroup> groups = directory.studentGroups(districtId).stream()
                .sorted(Comparator.comparingInt(StudentGroup::position))
                .toList();
        Map<CnaArea, List<MetricPart>> byArea = new TreeMap<>();
        for (CnaMetric metric : metrics) {
            List<CnaValue> values = valuesOf.getOrDefault(metric.id(), List.of());
            if (values.isEmpty()) {
                continue;
            }
            byArea.computeIfAbsent(metric.area(), a -> new ArrayList<>())
                    .add(part(metric, values, assessment, schools, groups, minimumN, locale));
        }
        String scope = assessment.schoolId() == null
                ? district.name()
                : schools.containsKey(assessment.schoolId())
                        ? schools.get(assessment.schoolId()).name()
                        : district.name();
        return new Pack(
                assessment.title(),
                new SchoolYear(assessment.schoolYear()).toString(),
                scope,
                minimumN,
                district.sampleData(),
                byArea.entrySet().stream()
                        .map(e -> new AreaPart(e.getKey(), List.copyOf(e.getValue())))
                        .toList());
    }

    private MetricPart part(
            CnaMetric metric,
            List<CnaValue> all,
            Assessment assessment,
            Map<UUID, School> schools,
            List<StudentGroup> groups,
            int minimumN,
            Locale locale) {
        int year = all.stream()
                .mapToInt(CnaValue::schoolYear)
                .filter(y -> y <= assessment.schoolYear())
                .max()
                .orElseGet(
                        () -> all.stream().mapToInt(CnaValue::schoolYear).max().orElseThrow());
        List<CnaValue> ofYear = all.stream().filter(v -> v.schoolYear() == year).toList();
        // columns: all students, then the groups (in the district's order) that have a value this year
        Set<String> present = ofYear.stream().map(CnaValue::groupCode).collect(Collectors.toSet());
        List<String> columns = new ArrayList<>();
        columns.add(StudentGroup.ALL);
        List<String> columnNames = new ArrayList<>();
        columnNames.add(say("conversation.pack.allStudents", locale));
        for (StudentGroup group : groups) {
            if (!group.code().equals(StudentGroup.ALL) && present.contains(group.code())) {
                columns.add(group.code());
                columnNames.add(group.name(locale));
            }
        }
        List<List<String>> families = groups.stream()
                .filter(g -> columns.contains(g.code()) && !g.code().equals(StudentGroup.ALL))
                .collect(Collectors.groupingBy(
                        g -> g.family() == null ? g.code() : g.family(),
                        LinkedHashMap::new,
                        Collectors.mapping(StudentGroup::code, Collectors.toList())))
                .values()
                .stream()
                .toList();
        // rows: the district first (for a district assessment), then its schools by name
        Map<String, Map<String, CnaValue>> cells = new LinkedHashMap<>();
        for (CnaValue value : ofYear) {
            if (!columns.contains(value.groupCode())) {
                continue;
            }
            String row =
                    value.schoolId() == null ? DISTRICT_ROW : value.schoolId().toString();
            cells.computeIfAbsent(row, r -> new HashMap<>()).put(value.groupCode(), value);
        }
        List<String> rowKeys = new ArrayList<>();
        if (cells.containsKey(DISTRICT_ROW)) {
            rowKeys.add(DISTRICT_ROW);
        }
        cells.keySet().stream()
                .filter(k -> !k.equals(DISTRICT_ROW))
                .sorted(Comparator.comparing(k -> schoolName(schools, k)))
                .forEach(rowKeys::add);

        Set<Suppression.TableCell<String, String>> hidden = hidden(metric, cells, rowKeys, columns, families, minimumN);

        List<Row> rows = new ArrayList<>();
        boolean anyHidden = false;
        for (String rowKey : rowKeys) {
            Map<String, CnaValue> line = cells.get(rowKey);
            CnaValue allStudents = line.get(StudentGroup.ALL);
            boolean allShown =
                    allStudents != null && !hidden.contains(new Suppression.TableCell<>(rowKey, StudentGroup.ALL));
            List<Cell> rowCells = new ArrayList<>();
            for (String column : columns) {
                CnaValue value = line.get(column);
                if (value == null) {
                    rowCells.add(new Cell(null, null, false));
                } else if (hidden.contains(new Suppression.TableCell<>(rowKey, column))) {
                    rowCells.add(new Cell(null, null, true));
                    anyHidden = true;
                } else {
                    String gap = column.equals(StudentGroup.ALL) || !allShown
                            ? null
                            : signed(value.value().subtract(allStudents.value()), locale);
                    rowCells.add(new Cell(shown(metric, value.value(), locale), gap, false));
                }
            }
            String label = rowKey.equals(DISTRICT_ROW)
                    ? say("conversation.pack.district", locale)
                    : schoolName(schools, rowKey);
            rows.add(new Row(label, rowCells));
        }

        // the trend of all students of the assessment's scope (the district, or the school), hidden years left out
        UUID scopeSchool = assessment.schoolId();
        TreeMap<Integer, BigDecimal> trend = new TreeMap<>();
        for (CnaValue value : all) {
            boolean inScope = scopeSchool == null ? value.schoolId() == null : scopeSchool.equals(value.schoolId());
            if (inScope
                    && value.groupCode().equals(StudentGroup.ALL)
                    && !Suppression.hides(minimumN, metric.aboutStudents(), value.n())) {
                trend.put(value.schoolYear(), value.value());
            }
        }
        List<TrendPoint> points = trend.entrySet().stream()
                .map(e -> new TrendPoint(new SchoolYear(e.getKey()).toString(), shown(metric, e.getValue(), locale)))
                .toList();
        String chart = trend.size() < 2 ? null : PackCharts.trend(trend, metric.name(locale));
        return new MetricPart(
                metric.name(locale),
                new SchoolYear(year).toString(),
                metric.higherIsBetter(),
                List.copyOf(columnNames),
                List.copyOf(rows),
                chart,
                points,
                anyHidden);
    }

    /**
     * The cells to hide: the schools' rows as a table (each row against the school's all students, each group's column
     * against the district's value of the group when the district's row is there), and the district's row against its
     * own all students. A value without n is hidden.
     */
    private static Set<Suppression.TableCell<String, String>> hidden(
            CnaMetric metric,
            Map<String, Map<String, CnaValue>> cells,
            List<String> rowKeys,
            List<String> columns,
            List<List<String>> families,
            int minimumN) {
        Set<Suppression.TableCell<String, String>> hidden = new LinkedHashSet<>();
        if (!metric.aboutStudents()) {
            return hidden;
        }
        Map<String, CnaValue> districtLine = cells.get(DISTRICT_ROW);
        if (districtLine != null) {
            Map<String, Integer> counts = new HashMap<>();
            districtLine.forEach((column, value) -> counts.put(column, value.n()));
            CnaValue total = districtLine.get(StudentGroup.ALL);
            Map<String, Integer> known = new HashMap<>();
            counts.forEach((k, n) -> known.put(k, n == null ? 0 : n));
            Set<String> unknown = counts.entrySet().stream()
                    .filter(e -> e.getValue() == null)
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            Suppression.hiddenCells(
                            minimumN,
                            true,
                            total == null ? null : total.n(),
                            known,
                            familiesIn(families, counts.keySet()))
                    .forEach(column -> hidden.add(new Suppression.TableCell<>(DISTRICT_ROW, column)));
            unknown.forEach(column -> hidden.add(new Suppression.TableCell<>(DISTRICT_ROW, column)));
        }
        Map<String, Integer> rowTotals = new HashMap<>();
        Map<Suppression.TableCell<String, String>, Integer> counts = new HashMap<>();
        Set<Suppression.TableCell<String, String>> unknown = new LinkedHashSet<>();
        for (String row : rowKeys) {
            if (row.equals(DISTRICT_ROW)) {
                continue;
            }
            Map<String, CnaValue> line = cells.get(row);
            CnaValue total = line.get(StudentGroup.ALL);
            if (total != null && total.n() != null) {
                rowTotals.put(row, total.n());
            }
            line.forEach((column, value) -> {
                Suppression.TableCell<String, String> cell = new Suppression.TableCell<>(row, column);
                counts.put(cell, value.n() == null ? 0 : value.n());
                if (value.n() == null) {
                    unknown.add(cell);
                }
            });
        }
        Map<String, Integer> columnTotals = null;
        if (districtLine != null) {
            columnTotals = new HashMap<>();
            for (String column : columns) {
                CnaValue value = districtLine.get(column);
                if (value != null && value.n() != null) {
                    columnTotals.put(column, value.n());
                }
            }
        }
        if (!counts.isEmpty()) {
            hidden.addAll(Suppression.hiddenInTable(minimumN, true, rowTotals, columnTotals, counts, families));
        }
        hidden.addAll(unknown);
        return hidden;
    }

    private static List<List<String>> familiesIn(List<List<String>> families, Set<String> present) {
        return families.stream()
                .map(family -> family.stream().filter(present::contains).toList())
                .filter(family -> !family.isEmpty())
                .toList();
    }

    private static String schoolName(Map<UUID, School> schools, String key) {
        School school = schools.get(UUID.fromString(key));
        return school == null ? key : school.name();
    }

    private static String shown(CnaMetric metric, BigDecimal value, Locale locale) {
        String number = LocalizedNumbers.format(value.setScale(1, RoundingMode.HALF_UP), locale);
        return metric.unit() == CnaMetric.Unit.PERCENT ? number + "%" : number;
    }

    private static String signed(BigDecimal gap, Locale locale) {
        BigDecimal rounded = gap.setScale(1, RoundingMode.HALF_UP);
        String number = LocalizedNumbers.format(rounded.abs(), locale);
        return rounded.signum() > 0 ? "+" + number : rounded.signum() < 0 ? "−" + number : "0";
    }

    private String say(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
