package org.lodestar.enrollment.projection;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counted enrollment by school, fall year and grade. Schools that open, close, or add and drop grades are normal:
 * a missing count is simply absent, never a zero.
 */
public final class EnrollmentHistory {

    private final Map<String, NavigableMap<Integer, Map<Grade, Integer>>> counts = new TreeMap<>();

    public void put(String school, int year, Grade grade, int students) {
        if (students < 0) {
            throw new IllegalArgumentException("A count cannot be negative: " + students);
        }
        counts.computeIfAbsent(school, s -> new TreeMap<>())
                .computeIfAbsent(year, y -> new EnumMap<>(Grade.class))
                .put(grade, students);
    }

    public Set<String> schools() {
        return Collections.unmodifiableSet(counts.keySet());
    }

    /** The years a school has counts for, in order. */
    public NavigableMap<Integer, Map<Grade, Integer>> of(String school) {
        NavigableMap<Integer, Map<Grade, Integer>> years = counts.get(school);
        return years == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(years);
    }

    public Integer count(String school, int year, Grade grade) {
        Map<Grade, Integer> byGrade = of(school).get(year);
        return byGrade == null ? null : byGrade.get(grade);
    }

    /** A school's total in a year, or null when it has no counts that year. */
    public Integer total(String school, int year) {
        Map<Grade, Integer> byGrade = of(school).get(year);
        return byGrade == null
                ? null
                : byGrade.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int firstYear() {
        return counts.values().stream().mapToInt(NavigableMap::firstKey).min().orElseThrow();
    }

    public int lastYear() {
        return counts.values().stream().mapToInt(NavigableMap::lastKey).max().orElseThrow();
    }

    /**
     * The latest year that most schools have been counted for: a new year whose counts are still coming in, school
     * by school, is not yet a year to forecast from (the schools not yet counted would look closed).
     */
    public int completeYear() {
        int year = lastYear();
        while (year > firstYear()) {
            int now = schoolsCounted(year);
            int before = schoolsCounted(year - 1);
            if (2 * now >= before) {
                return year;
            }
            year--;
        }
        return year;
    }

    private int schoolsCounted(int year) {
        return (int) counts.values().stream()
                .filter(years -> years.containsKey(year))
                .count();
    }

    /** The same history cut off after a year: what a forecaster would have known then. */
    public EnrollmentHistory upTo(int lastYear) {
        EnrollmentHistory cut = new EnrollmentHistory();
        counts.forEach((school, years) -> years.headMap(lastYear, true)
                .forEach((year, grades) -> grades.forEach((grade, n) -> cut.put(school, year, grade, n))));
        return cut;
    }

    /**
     * The same cut, sharing this history's counts rather than copying them (a backtest cuts a state's history at every
     * origin): only to be read, and only while this history does not change.
     */
    EnrollmentHistory viewUpTo(int lastYear) {
        EnrollmentHistory cut = new EnrollmentHistory();
        counts.forEach((school, years) -> {
            NavigableMap<Integer, Map<Grade, Integer>> known = years.headMap(lastYear, true);
            if (!known.isEmpty()) {
                cut.counts.put(school, known);
            }
        });
        return cut;
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }
}
