package org.lodestar.shared;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Small-n suppression for public reporting.
 *
 * <p>Primary rule: a value about students computed from fewer than the minimum n students is hidden, and so is one
 * whose n is missing: an unknown n is never taken to be large enough. Complementary rule: the cells of a family
 * (race/ethnicity groups, or the schools of a district) together with what the family leaves out make up the total,
 * so whatever is not shown can be derived as "total minus what is shown". The students behind what is not shown must
 * therefore number zero or at least the minimum n; while they are fewer, the smallest shown cell of the family is
 * hidden too. When the total's own n is unknown that check cannot be made, so every cell is hidden. A value that is
 * not about students (a budget, a count of staff) is never hidden.
 */
public final class Suppression {

    private Suppression() {}

    /**
     * The keys of the cells to hide.
     *
     * @param minimumN the district's minimum n
     * @param aboutStudents whether the values are about students; when not, nothing is hidden
     * @param totalN students behind the total, or null when unknown
     * @param counts students behind each cell (null when unknown)
     * @param families groups of cell keys that, with whatever they leave out, make up the total
     * @return the cells to hide; every cell when the total itself must be hidden or its n is unknown
     */
    public static <K> Set<K> hiddenCells(
            int minimumN, boolean aboutStudents, Integer totalN, Map<K, Integer> counts, List<List<K>> families) {
        Set<K> hidden = new HashSet<>();
        if (!aboutStudents) {
            return hidden;
        }
        if (hides(minimumN, true, totalN)) {
            hidden.addAll(counts.keySet());
            return hidden;
        }
        counts.forEach((key, n) -> {
            if (hides(minimumN, true, n)) {
                hidden.add(key);
            }
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<K> family : families) {
                int shown = family.stream()
                        .filter(key -> !hidden.contains(key))
                        .mapToInt(counts::get)
                        .sum();
                int notShown = totalN - shown;
                if (notShown > 0 && notShown < minimumN) {
                    Optional<K> smallest = family.stream()
                            .filter(key -> !hidden.contains(key))
                            .filter(key -> counts.get(key) > 0)
                            .min(Comparator.comparingInt(counts::get));
                    if (smallest.isPresent()) {
                        hidden.add(smallest.get());
                        changed = true;
                    }
                }
            }
        }
        return hidden;
    }

    /** A cell of a table broken down two ways: a school (row) and a student group (column). */
    public record TableCell<R, C>(R row, C column) {}

    /**
     * The cells to hide in a table broken down two ways, such as the student groups of every school: each row's cells
     * are families against the row's total (a school's own students), and each column's cells are one family against
     * the column's total (the group's students in the whole district), so that no hidden cell can be worked out either
     * way. The complementary rule is applied to rows and columns in turn until neither hides anything more.
     *
     * @param rowTotals students behind each row's total; null (or absent) when unknown or the total is itself hidden:
     *     then the whole row is hidden
     * @param columnTotals students behind each column's total, null (or absent) when unknown or hidden (the whole
     *     column is hidden then); a null map when the columns add up to nothing shown (a table of one school alone)
     * @param columnFamilies groups of columns that, with what they leave out, make up a row's total
     */
    public static <R, C> Set<TableCell<R, C>> hiddenInTable(
            int minimumN,
            boolean aboutStudents,
            Map<R, Integer> rowTotals,
            Map<C, Integer> columnTotals,
            Map<TableCell<R, C>, Integer> counts,
            List<List<C>> columnFamilies) {
        Set<TableCell<R, C>> hidden = new HashSet<>();
        if (!aboutStudents) {
            return hidden;
        }
        Set<R> rows = new java.util.LinkedHashSet<>();
        Set<C> columns = new java.util.LinkedHashSet<>();
        counts.keySet().forEach(cell -> {
            rows.add(cell.row());
            columns.add(cell.column());
        });
        int before;
        do {
            before = hidden.size();
            for (R row : rows) {
                Map<C, Integer> line = new java.util.HashMap<>();
                counts.forEach((cell, n) -> {
                    if (cell.row().equals(row)) {
                        line.put(cell.column(), hidden.contains(cell) ? null : n);
                    }
                });
                List<List<C>> families = columnFamilies.stream()
                        .map(family -> family.stream().filter(line::containsKey).toList())
                        .filter(family -> !family.isEmpty())
                        .toList();
                hiddenCells(minimumN, true, rowTotals.get(row), line, families)
                        .forEach(column -> hidden.add(new TableCell<>(row, column)));
            }
            if (columnTotals == null) {
                continue;
            }
            for (C column : columns) {
                Map<R, Integer> line = new java.util.HashMap<>();
                counts.forEach((cell, n) -> {
                    if (cell.column().equals(column)) {
                        line.put(cell.row(), hidden.contains(cell) ? null : n);
                    }
                });
                hiddenCells(minimumN, true, columnTotals.get(column), line, List.of(List.copyOf(line.keySet())))
                        .forEach(row -> hidden.add(new TableCell<>(row, column)));
            }
        } while (hidden.size() > before);
        return hidden;
    }

    /** Whether a lone value (no family to derive it from) must be hidden: about students, and n small or unknown. */
    public static boolean hides(int minimumN, boolean aboutStudents, Integer n) {
        return aboutStudents && (n == null || n < minimumN);
    }
}
