package org.lodestar.enrollment.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Teachers a school needs by grade band (K-3, 4-5, 6-12) at the district's class-size ratios, and the positions to
 * fill each year: what is needed, less the teachers kept from last year after attrition.
 */
public final class Staffing {

    /** A year of one school: students and teachers needed by band, and positions to hire. */
    public record Year(
            int year, double studentsK3, double students45, double studentsSecondary, int teachers, int hires) {}

    private final double ratioK3;
    private final double ratio45;
    private final double ratioSecondary;
    private final double attrition;

    /** @param attritionPercent teachers who leave each year, in percent */
    public Staffing(double ratioK3, double ratio45, double ratioSecondary, double attritionPercent) {
        if (ratioK3 <= 0 || ratio45 <= 0 || ratioSecondary <= 0 || attritionPercent < 0 || attritionPercent > 100) {
            throw new IllegalArgumentException("Ratios must be positive and attrition from 0 to 100 percent");
        }
        this.ratioK3 = ratioK3;
        this.ratio45 = ratio45;
        this.ratioSecondary = ratioSecondary;
        this.attrition = attritionPercent / 100;
    }

    /**
     * @param students students by year and grade, the first year being the current one (its teachers are in post)
     */
    public List<Year> plan(Map<Integer, Map<Grade, Double>> students) {
        List<Year> years = new ArrayList<>();
        Integer previousTeachers = null;
        for (Map.Entry<Integer, Map<Grade, Double>> entry : new TreeMap<>(students).entrySet()) {
            double k3 = 0;
            double g45 = 0;
            double secondary = 0;
            for (Map.Entry<Grade, Double> cell : entry.getValue().entrySet()) {
                Grade grade = cell.getKey();
                if (grade.compareTo(Grade.G3) <= 0) {
                    k3 += cell.getValue();
                } else if (grade.compareTo(Grade.G5) <= 0) {
                    g45 += cell.getValue();
                } else {
                    secondary += cell.getValue();
                }
            }
            int teachers = teachers(k3, ratioK3) + teachers(g45, ratio45) + teachers(secondary, ratioSecondary);
            int hires = previousTeachers == null
                    ? 0
                    : Math.max(0, teachers - (int) Math.floor(previousTeachers * (1 - attrition)));
            years.add(new Year(entry.getKey(), k3, g45, secondary, teachers, hires));
            previousTeachers = teachers;
        }
        return years;
    }

    private static int teachers(double students, double ratio) {
        return students <= 0 ? 0 : (int) Math.ceil(Math.round(students * 1000) / 1000.0 / ratio);
    }

    /** Utilization of a building: students over capacity, in percent; null without a capacity. */
    public static Double utilization(double students, Integer capacity) {
        return capacity == null || capacity == 0 ? null : 100 * students / capacity;
    }
}
