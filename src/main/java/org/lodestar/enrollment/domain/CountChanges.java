package org.lodestar.enrollment.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.lodestar.shared.SchoolYear;

/**
 * What an import changed, for the audit log: each school's total for each year before and after, only where a count
 * changed, and at most {@link #SHOWN} of them with the number of the rest, so that a state's import stays one readable
 * entry.
 */
final class CountChanges {

    static final int SHOWN = 50;

    /** By "school, year": the total before (null when nothing was counted) and after. */
    private final Map<String, Integer[]> totals = new TreeMap<>();

    private final Map<String, Boolean> changed = new TreeMap<>();

    void add(String school, int year, Integer before, int after) {
        String key = school + " " + SchoolYear.of(year);
        Integer[] pair = totals.computeIfAbsent(key, k -> new Integer[] {null, 0});
        if (before != null) {
            pair[0] = (pair[0] == null ? 0 : pair[0]) + before;
        }
        pair[1] += after;
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
            side.put("more school years", changed.size() - SHOWN);
        }
        return side;
    }
}
