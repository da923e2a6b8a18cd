package org.lodestar.enrollment.projection;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Births by calendar year in the district's area: kindergarten five years later follows them. */
public final class Births {

    private final NavigableMap<Integer, Integer> byYear = new TreeMap<>();

    public void put(int year, int births) {
        if (births < 0) {
            throw new IllegalArgumentException("Births cannot be negative: " + births);
        }
        byYear.put(year, births);
    }

    public Integer of(int year) {
        return byYear.get(year);
    }

    /** The latest known births at or before a year (or the earliest known, if none is that early). */
    public Integer latestUpTo(int year) {
        Map.Entry<Integer, Integer> entry = byYear.floorEntry(year);
        return entry != null ? entry.getValue() : byYear.firstEntry().getValue();
    }

    public boolean isEmpty() {
        return byYear.isEmpty();
    }
}
