package org.lodestar.enrollment.projection;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Schools' forecasts made to add up to the district's own: grade by grade, the district's counts are carried forward
 * by the district's ratios (students in the next grade over students in the grade below a year earlier, in schools
 * counted both years, so that moves between schools, such as fifth grade to a middle school, are inside them); each
 * school's grade is then scaled by the district's forecast over the schools' sum. A school-by-school forecast sums
 * ratios leaning one way into a district total that leans the same way; the district's own does not.
 */
final class Reconciliation {

    private Reconciliation() {}

    static void reconcile(EnrollmentHistory history, int origin, Collection<SchoolForecast> forecasts, Method method) {
        if (forecasts.isEmpty()) {
            return;
        }
        Map<Grade, Double> start = new EnumMap<>(Grade.class);
        for (SchoolForecast forecast : forecasts) {
            history.of(forecast.school())
                    .get(origin)
                    .forEach((grade, n) -> start.merge(grade, (double) n, Double::sum));
        }
        Map<Grade, Double> ratios = ratios(history, origin, method);
        NavigableMap<Integer, Map<Grade, Double>> sums = new TreeMap<>();
        for (SchoolForecast forecast : forecasts) {
            for (int year = forecast.origin() + 1; year <= forecast.origin() + forecast.horizon(); year++) {
                Map<Grade, Double> sum = sums.computeIfAbsent(year, y -> new EnumMap<>(Grade.class));
                forecast.forEachGrade(year, (grade, n) -> sum.merge(grade, n, Double::sum));
            }
        }
        Map<Grade, Double> previous = start;
        for (Map.Entry<Integer, Map<Grade, Double>> year : sums.entrySet()) {
            Map<Grade, Double> district = new EnumMap<>(Grade.class);
            Map<Grade, Double> factors = new EnumMap<>(Grade.class);
            for (Map.Entry<Grade, Double> sum : year.getValue().entrySet()) {
                Grade grade = sum.getKey();
                Double feeder = grade.previous() == null ? null : previous.get(grade.previous());
                Double ratio = grade.previous() == null ? null : ratios.get(grade.previous());
                if (feeder == null || ratio == null || sum.getValue() <= 0) {
                    district.put(grade, sum.getValue()); // an entry grade: the schools' own forecasts add up
                    continue;
                }
                district.put(grade, feeder * ratio);
                factors.put(grade, feeder * ratio / sum.getValue());
            }
            for (SchoolForecast forecast : forecasts) {
                factors.forEach((grade, factor) -> {
                    if (forecast.has(year.getKey(), grade)) {
                        forecast.put(year.getKey(), grade, forecast.count(year.getKey(), grade) * factor);
                    }
                });
            }
            previous = district;
        }
    }

    /** District ratios over schools counted in both years of each transition, recent years weighted more. */
    private static Map<Grade, Double> ratios(EnrollmentHistory history, int origin, Method method) {
        Map<Grade, double[]> sums = new EnumMap<>(Grade.class);
        for (String school : history.schools()) {
            NavigableMap<Integer, Map<Grade, Integer>> years = history.of(school);
            for (int year = origin - method.window() + 1; year <= origin; year++) {
                Map<Grade, Integer> before = years.get(year - 1);
                Map<Grade, Integer> after = years.get(year);
                if (before == null || after == null) {
                    continue;
                }
                double weight = Math.pow(method.recency(), origin - year);
                for (Map.Entry<Grade, Integer> feeder : before.entrySet()) {
                    double[] sum = sums.computeIfAbsent(feeder.getKey(), g -> new double[2]);
                    sum[1] += weight * feeder.getValue();
                }
                for (Map.Entry<Grade, Integer> moved : after.entrySet()) {
                    Grade from = moved.getKey().previous();
                    if (from != null) {
                        sums.computeIfAbsent(from, g -> new double[2])[0] += weight * moved.getValue();
                    }
                }
            }
        }
        Map<Grade, Double> ratios = new EnumMap<>(Grade.class);
        sums.forEach((grade, sum) -> {
            if (sum[0] > 0 && sum[1] > 0 && grade != Grade.PK) {
                ratios.put(grade, sum[0] / sum[1]);
            }
        });
        return ratios;
    }
}
