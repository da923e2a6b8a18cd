package org.lodestar.needs.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lodestar.directory.School;
import org.lodestar.directory.StudentGroup;
import org.lodestar.needs.CnaMetric;
import org.lodestar.needs.CnaValue;
import org.lodestar.needs.SharedCell;
import org.lodestar.shared.Suppression;
import org.lodestar.shared.Suppression.TableCell;

/**
 * A metric's values of one school year (all grades) as a table of the district and its schools by student group,
 * suppressed for sharing outside the planning team the way the public scorecard suppresses a KPI's breakdowns: the
 * schools' all-students values are one family making up the district's, the groups of a family together with what
 * they leave out make up their row's all-students value, and each group's schools make up the district's value of the
 * group. Without a district value to subtract from, only the primary rule applies to the schools. Free of Spring.
 */
public final class MetricSharing {

    private static final UUID DISTRICT = new UUID(0, 0);

    private MetricSharing() {}

    /**
     * @param values the metric's values (any years and grades; only the year's all-grades values are used)
     * @param schools the district's schools in the order rows are listed
     * @param groups the district's student groups in their order ({@code ALL} among them or not)
     */
    public static List<SharedCell> table(
            CnaMetric metric,
            int schoolYear,
            List<CnaValue> values,
            String districtName,
            List<School> schools,
            List<StudentGroup> groups,
            int minimumN) {
        Map<UUID, Map<String, CnaValue>> byRow = new LinkedHashMap<>();
        values.stream()
                .filter(v -> v.metricId().equals(metric.id())
                        && v.schoolYear() == schoolYear
                        && v.grade().isEmpty())
                .forEach(v -> byRow.computeIfAbsent(key(v.schoolId()), k -> new LinkedHashMap<>())
                        .put(v.groupCode(), v));
        boolean about = metric.aboutStudents();
        Map<String, CnaValue> district = byRow.getOrDefault(DISTRICT, Map.of());
        CnaValue districtAll = district.get(StudentGroup.ALL);
        Integer totalN = districtAll == null ? null : districtAll.n();

        // schools' all-students values: one family against the district's
        Map<UUID, Integer> schoolCounts = new HashMap<>();
        byRow.forEach((row, cells) -> {
            if (!row.equals(DISTRICT) && cells.containsKey(StudentGroup.ALL)) {
                schoolCounts.put(row, cells.get(StudentGroup.ALL).n());
            }
        });
        Set<UUID> hiddenSchools = districtAll == null
                ? Suppression.hiddenCells(minimumN, about, sum(schoolCounts), schoolCounts, List.of())
                : Suppression.hiddenCells(
                        minimumN, about, totalN, schoolCounts, List.of(new ArrayList<>(schoolCounts.keySet())));

        // the district's groups: families against the district's all-students value
        Map<String, Integer> groupCounts = new HashMap<>();
        district.forEach((group, v) -> {
            if (!group.equals(StudentGroup.ALL)) {
                groupCounts.put(group, v.n());
            }
        });
        Set<String> hiddenGroups =
                Suppression.hiddenCells(minimumN, about, totalN, groupCounts, families(groups, groupCounts.keySet()));
        boolean districtHidden = districtAll != null && Suppression.hides(minimumN, about, totalN);

        // schools by group: rows against each school's value, columns against the district's value of the group
        Map<TableCell<UUID, String>, Integer> counts = new HashMap<>();
        Set<String> columns = new java.util.HashSet<>();
        byRow.forEach((row, cells) -> {
            if (!row.equals(DISTRICT)) {
                cells.forEach((group, v) -> {
                    if (!group.equals(StudentGroup.ALL)) {
                        counts.put(new TableCell<>(row, group), v.n());
                        columns.add(group);
                    }
                });
            }
        });
        Map<UUID, Integer> rowTotals = new HashMap<>();
        schoolCounts.forEach((school, n) -> rowTotals.put(school, hiddenSchools.contains(school) ? null : n));
        Map<String, Integer> columnTotals = null;
        if (!groupCounts.isEmpty()) {
            columnTotals = new HashMap<>();
            for (var group : groupCounts.entrySet()) {
                columnTotals.put(group.getKey(), hiddenGroups.contains(group.getKey()) ? null : group.getValue());
            }
        }
        Set<TableCell<UUID, String>> hiddenCells =
                Suppression.hiddenInTable(minimumN, about, rowTotals, columnTotals, counts, families(groups, columns));

        List<SharedCell> table = new ArrayList<>();
        List<String> order = new ArrayList<>();
        order.add(StudentGroup.ALL);
        groups.stream()
                .map(StudentGroup::code)
                .filter(code -> !code.equals(StudentGroup.ALL))
                .forEach(order::add);
        for (String group : order) {
            CnaValue v = district.get(group);
            if (v != null) {
                boolean hidden = group.equals(StudentGroup.ALL) ? districtHidden : hiddenGroups.contains(group);
                table.add(cell(null, districtName, v, hidden));
            }
        }
        List<School> sorted = new ArrayList<>(schools);
        sorted.sort(Comparator.comparing(School::name));
        for (School school : sorted) {
            Map<String, CnaValue> cells = byRow.getOrDefault(school.id(), Map.of());
            for (String group : order) {
                CnaValue v = cells.get(group);
                if (v != null) {
                    boolean hidden = group.equals(StudentGroup.ALL)
                            ? hiddenSchools.contains(school.id())
                            : hiddenCells.contains(new TableCell<>(school.id(), group));
                    table.add(cell(school.id(), school.name(), v, hidden));
                }
            }
        }
        return table;
    }

    private static SharedCell cell(UUID schoolId, String name, CnaValue v, boolean hidden) {
        return new SharedCell(schoolId, name, v.groupCode(), hidden ? null : v.value(), hidden ? null : v.n(), hidden);
    }

    private static UUID key(UUID schoolId) {
        return schoolId == null ? DISTRICT : schoolId;
    }

    /** The total of known counts, or null when any is unknown. */
    private static Integer sum(Map<UUID, Integer> counts) {
        int sum = 0;
        for (Integer n : counts.values()) {
            if (n == null) {
                return null;
            }
            sum += n;
        }
        return sum;
    }

    /** The groups present, in the families the directory gives them (a group the directory does not know has only the primary rule). */
    private static List<List<String>> families(List<StudentGroup> groups, Set<String> present) {
        Map<String, List<String>> families = new LinkedHashMap<>();
        groups.stream()
                .filter(g -> present.contains(g.code()) && !g.code().equals(StudentGroup.ALL))
                .forEach(g -> families.computeIfAbsent(g.family(), f -> new ArrayList<>())
                        .add(g.code()));
        return new ArrayList<>(families.values());
    }
}
