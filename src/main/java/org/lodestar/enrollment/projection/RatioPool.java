package org.lodestar.enrollment.projection;

import java.util.Map;
import java.util.NavigableMap;

/**
 * Progression ratios pooled over students rather than averaged over years (so that schools' forecasts add up to what
 * the district's ratios give, rather than leaning one way as medians do), and how strongly a school's own ratio should
 * lean on the district's: a school counts for its students against {@code strength} students of the district's.
 */
final class RatioPool {

    /**
     * @param ratio the district's pooled ratio (NaN when no school has the transition)
     * @param strength how many students' worth of weight the district's ratio gets
     */
    record Pool(double ratio, double strength) {}

    private RatioPool() {}

    /** Weighted students who moved up and who could have, over the school's last window transitions. */
    static double[] school(EnrollmentHistory history, String school, Grade from, int origin, Method method) {
        NavigableMap<Integer, Map<Grade, Integer>> years = history.of(school);
        double moved = 0;
        double could = 0;
        int found = 0;
        for (Integer year : years.headMap(origin, true).descendingKeySet()) {
            if (found == method.window()) {
                break;
            }
            Map<Grade, Integer> before = years.get(year - 1);
            Map<Grade, Integer> after = years.get(year);
            if (before == null || !before.containsKey(from) || !after.containsKey(from.next())) {
                continue;
            }
            if (before.get(from) == 0) {
                continue;
            }
            double weight = Math.pow(method.recency(), origin - year);
            moved += weight * after.get(from.next());
            could += weight * before.get(from);
            found++;
        }
        return new double[] {moved, could};
    }

    static Pool of(EnrollmentHistory history, Grade from, int lastYear, Method method) {
        double moved = 0;
        double could = 0;
        for (String school : history.schools()) {
            NavigableMap<Integer, Map<Grade, Integer>> years = history.of(school);
            for (int year = lastYear - method.window() + 1; year <= lastYear; year++) {
                Map<Grade, Integer> before = years.get(year - 1);
                Map<Grade, Integer> after = years.get(year);
                if (before != null && after != null && before.containsKey(from) && after.containsKey(from.next())) {
                    double weight = Math.pow(method.recency(), lastYear - year);
                    moved += weight * after.get(from.next());
                    could += weight * before.get(from);
                }
            }
        }
        double ratio = could == 0 ? Double.NaN : moved / could;
        if (!method.estimatedShrinkage() || Double.isNaN(ratio)) {
            return new Pool(ratio, Math.max(0, method.shrinkage()));
        }
        return new Pool(ratio, estimatedStrength(history, from, lastYear, method));
    }

    /** Strengths tried, in students. */
    private static final double[] STRENGTHS = {0, 10, 20, 40, 70, 100, 150, 200, 300, 500, 800, 1500};

    /**
     * The strength that best foresaw the latest transition from the ones before it, over every school: students
     * mispredicted, summed. Estimated rather than fixed, because how far schools' ratios really differ is a matter of
     * the district (a method-of-moments estimate took every odd grade-span change for a real difference).
     */
    private static double estimatedStrength(EnrollmentHistory history, Grade from, int lastYear, Method method) {
        Method fixed = new Method(
                method.averaging(), method.window(), 0, false, method.entryWindow(), method.recency(), 0, false);
        double district = of(history, from, lastYear - 1, fixed).ratio();
        if (Double.isNaN(district)) {
            return 0;
        }
        double[] loss = new double[STRENGTHS.length];
        for (String school : history.schools()) {
            Map<Grade, Integer> before = history.of(school).get(lastYear - 1);
            Map<Grade, Integer> after = history.of(school).get(lastYear);
            if (before == null
                    || after == null
                    || !before.containsKey(from)
                    || !after.containsKey(from.next())
                    || before.get(from) == 0) {
                continue;
            }
            double[] pooled = school(history, school, from, lastYear - 1, method);
            if (pooled[1] == 0) {
                continue;
            }
            double feeder = before.get(from);
            double actual = after.get(from.next());
            for (int i = 0; i < STRENGTHS.length; i++) {
                double k = STRENGTHS[i];
                double ratio = (pooled[0] + k * district) / (pooled[1] + k);
                loss[i] += Math.abs(feeder * ratio - actual);
            }
        }
        int best = 0;
        for (int i = 1; i < STRENGTHS.length; i++) {
            if (loss[i] < loss[best]) {
                best = i;
            }
        }
        return STRENGTHS[best];
    }
}
