package org.lodestar.enrollment.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.lodestar.shared.SchoolYear;

/**
 * What an import changed, for the audit log: each school's total for each year (all grades) before and after, only
 * where a count changed, and at most {@link #SHOWN} of them with the number of the rest, so that a state's import stays one readable
 * entry.
 */
final class CountChanges {

    static final int SHOWN = 50;

    /** By "school, year": the total before (null when nothing was counted) and after. */
    private final Map<String, Integer[]> totals = new TreeMap<>();

    private final Map<String, Boolean> changed = new TreeMap<>();

    /**
     * One imported cell: {@code yearTotal} is the school's total for the year before the import (null when nothing
     * was counted), {@code before} the cell's count before (null when new), {@code after} its count now.
     */
    void add(String school, int year, Integer yearTotal, Integer before, int after) {
        String key = school + " " + SchoolYear.of(year);
        Integer[] pair = totals.computeIfAbsent(key, k -> new Integer[] {yearTotal, yearTotal == null ? 0 : yearTotal});
        pair[1] += after - (before == null ? 0 : before);
        if (before == null || before != after) {
            changed.put(key, true);
        }
    }

    Map<String, Object> before() {
        return side(0);
    }

    Map<String, Object> after() {
        return side(1);
    }

    int changedCount() {
        return changed.size();
    }

    private Map<String, Object> side(int index) {
        Map<String, Object> side = new LinkedHashMap<>();
        changed.keySet().stream().limit(SHOWN).forEach(key -> side.put(key, totals.get(key)[index]));
        if (changed.size() > SHOWN) {
            side.put("history.field.moreSchoolYears", changed.size() - SHOWN);
        }
        return side;
    }
}
