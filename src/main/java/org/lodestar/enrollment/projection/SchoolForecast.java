package org.lodestar.enrollment.projection;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A school's forecast: grade counts by future year, and what had to be assumed on the way. The counts are one array
 * of doubles rather than maps of boxed numbers: a backtest holds the forecast of every school of a state at once.
 */
public final class SchoolForecast {

    private static final Grade[] GRADES = Grade.values();

    private final String school;
    private final int origin;

    /** By years ahead (from 1) and grade. */
    private final double[] counts;

    /** By years ahead: one bit per grade forecast that year (a grade not counted at the origin may have none). */
    private final short[] gradesForecast;

    private final List<Warning> warnings;

    SchoolForecast(String school, int origin, int horizon, List<Warning> warnings) {
        this.school = school;
        this.origin = origin;
        this.counts = new double[horizon * GRADES.length];
        this.gradesForecast = new short[horizon];
        this.warnings = warnings;
    }

    public String school() {
        return school;
    }

    public List<Warning> warnings() {
        return warnings;
    }

    int origin() {
        return origin;
    }

    int horizon() {
        return gradesForecast.length;
    }

    /** Whether a grade is forecast that year (a year outside the forecast's has none). */
    boolean has(int year, Grade grade) {
        int ahead = year - origin;
        return ahead >= 1 && ahead <= horizon() && (gradesForecast[ahead - 1] & 1 << grade.ordinal()) != 0;
    }

    /** How many grades are forecast that year. */
    int grades(int year) {
        return Integer.bitCount(gradesForecast[year - origin - 1]);
    }

    /** The nth grade (from 0, lowest first) forecast that year. */
    Grade grade(int year, int nth) {
        int bits = gradesForecast[year - origin - 1];
        for (int i = 0; i < nth; i++) {
            bits &= bits - 1; // drops the lowest grade
        }
        return GRADES[Integer.numberOfTrailingZeros(bits)];
    }

    /** The count of a grade forecast that year ({@link #has}). */
    double count(int year, Grade grade) {
        return counts[index(year, grade)];
    }

    void put(int year, Grade grade, double count) {
        counts[index(year, grade)] = count;
        gradesForecast[year - origin - 1] |= (short) (1 << grade.ordinal());
    }

    private int index(int year, Grade grade) {
        return (year - origin - 1) * GRADES.length + grade.ordinal();
    }

    /** What is done with each grade's count. */
    interface GradeCount {
        void accept(Grade grade, double count);
    }

    /** Each grade forecast that year, lowest first. */
    void forEachGrade(int year, GradeCount action) {
        for (Grade grade : GRADES) {
            if (has(year, grade)) {
                action.accept(grade, count(year, grade));
            }
        }
    }

    /** The sum of a year's grades, lowest first, added up as a stream adds (compensated), as it always was. */
    public double total(int year) {
        return IntStream.range(0, GRADES.length)
                .filter(grade -> has(year, GRADES[grade]))
                .mapToDouble(grade -> count(year, GRADES[grade]))
                .sum();
    }

    /** Grade counts by future year, as maps: a copy, for reading. */
    public NavigableMap<Integer, Map<Grade, Double>> years() {
        NavigableMap<Integer, Map<Grade, Double>> years = new TreeMap<>();
        for (int year = origin + 1; year <= origin + horizon(); year++) {
            Map<Grade, Double> grades = new EnumMap<>(Grade.class);
            forEachGrade(year, grades::put);
            years.put(year, Collections.unmodifiableMap(grades));
        }
        return Collections.unmodifiableNavigableMap(years);
    }
}
