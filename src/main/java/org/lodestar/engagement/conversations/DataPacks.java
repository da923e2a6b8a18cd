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
import org.lodestar.needs.SharedCell;
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
                    .add(part(districtId, metric, values, assessment, groups, minimumN, locale));
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
            UUID districtId,
            CnaMetric metric,
            List<CnaValue> all,
            Assessment assessment,
            List<StudentGroup> groups,
            int minimumN,
            Locale locale) {
        int year = all.stream()
                .mapToInt(CnaValue::schoolYear)
                .filter(y -> y <= assessment.schoolYear())
                .max()
                .orElseGet(
                        () -> all.stream().mapToInt(CnaValue::schoolYear).max().orElseThrow());
        UUID scopeSchool = assessment.schoolId();
        // suppressed by the needs module over the whole district's table; a school's pack shows only its own row
        List<SharedCell> cells = needs.sharedTable(districtId, metric.id(), year).stream()
                .filter(cell -> scopeSchool == null || scopeSchool.equals(cell.schoolId()))
                .toList();
        Set<String> present = cells.stream().map(SharedCell::groupCode).collect(Collectors.toSet());
        List<String> columns = new ArrayList<>();
        List<String> columnNames = new ArrayList<>();
        columns.add(StudentGroup.ALL);
        columnNames.add(say("conversation.pack.allStudents", locale));
        for (StudentGroup group : groups) {
            if (!group.code().equals(StudentGroup.ALL) && present.contains(group.code())) {
                columns.add(group.code());
                columnNames.add(group.name(locale));
            }
        }
        Map<String, Map<String, SharedCell>> byRow = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (SharedCell cell : cells) {
            String row =
                    cell.schoolId() == null ? DISTRICT_ROW : cell.schoolId().toString();
            labels.putIfAbsent(
                    row, cell.schoolId() == null ? say("conversation.pack.district", locale) : cell.schoolName());
            byRow.computeIfAbsent(row, r -> new HashMap<>()).put(cell.groupCode(), cell);
        }
        List<Row> rows = new ArrayList<>();
        boolean anyHidden = false;
        for (Map.Entry<String, Map<String, SharedCell>> entry : byRow.entrySet()) {
            Map<String, SharedCell> line = entry.getValue();
            SharedCell allStudents = line.get(StudentGroup.ALL);
            boolean allShown = allStudents != null && !allStudents.hidden() && allStudents.value() != null;
            List<Cell> rowCells = new ArrayList<>();
            for (String column : columns) {
                SharedCell cell = line.get(column);
                if (cell == null) {
                    rowCells.add(new Cell(null, null, false));
                } else if (cell.hidden() || cell.value() == null) {
                    rowCells.add(new Cell(null, null, true));
                    anyHidden = true;
                } else {
                    String gap = column.equals(StudentGroup.ALL) || !allShown
                            ? null
                            : signed(cell.value().subtract(allStudents.value()), locale);
                    rowCells.add(new Cell(shown(metric, cell.value(), locale), gap, false));
                }
            }
            rows.add(new Row(labels.get(entry.getKey()), rowCells));
        }

        // all students of the assessment's scope by year, a year whose n is small or unknown left out
        TreeMap<Integer, BigDecimal> trend = new TreeMap<>();
        for (CnaValue value : needs.trend(districtId, metric.id(), scopeSchool, StudentGroup.ALL)) {
            if (value.grade().isEmpty() && !Suppression.hides(minimumN, metric.aboutStudents(), value.n())) {
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

    private static String shown(CnaMetric metric, BigDecimal value, Locale locale) {
        String number = LocalizedNumbers.format(value.setScale(1, RoundingMode.HALF_UP), locale);
        return metric.unit() == CnaMetric.Unit.PERCENT ? number + "%" : number;
    }

    private static String signed(BigDecimal gap, Locale locale) {
        BigDecimal rounded = gap.setScale(1, RoundingMode.HALF_UP);
        String number = LocalizedNumbers.format(rounded.abs(), locale);
        return rounded.signum() > 0 ? "+" + number : rounded.signum() < 0 ? "-" + number : "0";
    }

    private String say(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
