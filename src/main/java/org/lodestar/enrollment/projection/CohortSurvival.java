package org.lodestar.enrollment.projection;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Grade progression (cohort survival): each grade next year is this year's grade below times the ratio at which
 * students have moved up between those grades; the entry grade comes from births five years earlier, from the
 * numbers given, or from its own recent level.
 */
public final class CohortSurvival {

    private final Method method;

    /** District ratios of the history last asked about: every school of it needs the same ones. */
    private EnrollmentHistory ratiosOf;

    private final Map<String, RatioPool.Pool> districtRatios = new java.util.HashMap<>();

    public CohortSurvival(Method method) {
        this.method = method;
    }

    /**
     * The progression ratios observed for a school from one grade to the next, oldest first, over the method's window
     * of most recent transitions. Only complete transitions count: both years present, the feeder not zero.
     */
    List<Double> observedRatios(EnrollmentHistory history, String school, Grade from, List<Warning> warnings) {
        NavigableMap<Integer, Map<Grade, Integer>> years = history.of(school);
        List<Double> ratios = new ArrayList<>();
        for (Integer year : years.descendingKeySet()) {
            if (ratios.size() == method.window()) {
                break;
            }
            Map<Grade, Integer> before = years.get(year - 1);
            Map<Grade, Integer> after = years.get(year);
            if (before == null || !before.containsKey(from) || !after.containsKey(from.next())) {
                continue;
            }
            int feeder = before.get(from);
            if (feeder == 0) {
                warnings.add(Warning.of(Warning.Kind.NO_FEEDER_STUDENTS, school, from.label(), year - 1));
                continue;
            }
            ratios.add(0, (double) after.get(from.next()) / feeder);
        }
        return ratios;
    }

    /**
     * The district's ratio for a transition: students who moved up over students who could have, all schools, recent
     * years weighted by the method's recency.
     */
    double districtRatio(EnrollmentHistory history, Grade from, int lastYear) {
        return pooling(history, from, lastYear).ratio();
    }

    private RatioPool.Pool pooling(EnrollmentHistory history, Grade from, int lastYear) {
        if (ratiosOf != history) {
            ratiosOf = history;
            districtRatios.clear();
        }
        return districtRatios.computeIfAbsent(
                from + "|" + lastYear, key -> RatioPool.of(history, from, lastYear, method));
    }

    /**
     * Forecasts one school from its last counted year.
     *
     * @param entries the entry grade's count by future year when known (given, or from births); else null
     */
    public SchoolForecast forecast(
            EnrollmentHistory history, String school, int horizon, Map<Integer, Double> entries, Births births) {
        List<Warning> warnings = new ArrayList<>();
        NavigableMap<Integer, Map<Grade, Integer>> years = history.of(school);
        if (years.isEmpty()) {
            throw new IllegalArgumentException("No history for " + school);
        }
        int origin = years.lastKey();
        Map<Grade, Integer> last = years.get(origin);
        Grade entry = last.keySet().stream().min(Enum::compareTo).orElseThrow();
        Grade top = last.keySet().stream().max(Enum::compareTo).orElseThrow();

        Map<Grade, Double> ratios = new EnumMap<>(Grade.class);
        for (Grade grade = entry; grade != top; grade = grade.next()) {
            ratios.put(grade, ratio(history, school, grade, origin, warnings));
        }
        Map<Integer, Double> entryCounts =
                entries != null ? entries : entryForecast(history, school, entry, origin, horizon, births, warnings);

        SchoolForecast result = new SchoolForecast(school, origin, horizon, warnings);
        for (int h = 1; h <= horizon; h++) {
            int year = origin + h;
            Double entryCount = entryCounts.get(year);
            if (entryCount == null) {
                entryCount = before(result, last, year, entry);
                warnings.add(Warning.of(Warning.Kind.ENTRY_HELD, school, entry.label(), year, Math.round(entryCount)));
            }
            result.put(year, entry, entryCount);
            for (Grade grade = entry.next(); grade != null && grade.compareTo(top) <= 0; grade = grade.next()) {
                Double feeder = before(result, last, year, grade.previous());
                if (feeder == null) {
                    // a grade not counted at the origin (suppressed, or a gap in the span) is unknown, not zero:
                    // the grade it feeds is held at its own last count
                    Double held = before(result, last, year, grade);
                    if (held != null) {
                        result.put(year, grade, held);
                    }
                    continue;
                }
                result.put(year, grade, feeder * ratios.get(grade.previous()));
            }
        }
        return result;
    }

    /** A grade's count the year before this one: counted at the origin, or forecast; null when it has none. */
    private static Double before(SchoolForecast forecast, Map<Grade, Integer> counted, int year, Grade grade) {
        if (year == forecast.origin() + 1) {
            Integer n = counted.get(grade);
            return n == null ? null : n.doubleValue();
        }
        return forecast.has(year - 1, grade) ? forecast.count(year - 1, grade) : null;
    }

    private double ratio(EnrollmentHistory history, String school, Grade from, int origin, List<Warning> warnings) {
        List<Double> observed = observedRatios(history, school, from, warnings);
        RatioPool.Pool district = pooling(history, from, origin);
        if (observed.isEmpty()) {
            if (Double.isNaN(district.ratio())) {
                throw new Warning.CannotForecast(Warning.of(
                        Warning.Kind.NOT_FORECAST,
                        school,
                        from.label(),
                        from.next().label()));
            }
            // a grade the school has just added (or whose feeder was never counted) borrows the district's ratio
            // rather than becoming a zero
            warnings.add(Warning.of(
                    Warning.Kind.DISTRICT_RATIO_USED,
                    school,
                    from.label(),
                    from.next().label()));
            return district.ratio();
        }
        double own;
        double students;
        if (method.averaging() == Averaging.POOLED) {
            double[] pooled = RatioPool.school(history, school, from, origin, method);
            own = pooled[0] / pooled[1];
            students = pooled[1];
        } else {
            own = method.averaging().of(observed);
            students = meanFeeders(history, school, from);
        }
        double strength = method.estimatedShrinkage() ? district.strength() : method.shrinkage();
        if (strength == 0 || Double.isNaN(district.ratio())) {
            return own;
        }
        return (students * own + strength * district.ratio()) / (students + strength);
    }

    private double meanFeeders(EnrollmentHistory history, String school, Grade from) {
        double feeders = 0;
        int counted = 0;
        for (Map<Grade, Integer> year : history.of(school).descendingMap().values()) {
            if (counted++ == method.window()) {
                break;
            }
            feeders += year.getOrDefault(from, 0);
        }
        return feeders / Math.max(1, Math.min(counted, method.window()));
    }

    /** Entry-grade counts: from births five years earlier when the method and the data allow, else its recent level. */
    private Map<Integer, Double> entryForecast(
            EnrollmentHistory history,
            String school,
            Grade entry,
            int origin,
            int horizon,
            Births births,
            List<Warning> warnings) {
        NavigableMap<Integer, Map<Grade, Integer>> years = history.of(school);
        Map<Integer, Double> result = new TreeMap<>();
        if (method.entryFromBirths() && entry == Grade.K && births != null && !births.isEmpty()) {
            List<Double> shares = new ArrayList<>();
            for (Integer year : years.descendingKeySet()) {
                if (shares.size() == method.entryWindow()) {
                    break;
                }
                Integer k = years.get(year).get(Grade.K);
                Integer born = births.of(year - 5);
                if (k != null && born != null && born > 0) {
                    shares.add(0, (double) k / born);
                }
            }
            if (!shares.isEmpty()) {
                double share = method.averaging().of(shares);
                for (int h = 1; h <= horizon; h++) {
                    Integer born = births.of(origin + h - 5);
                    if (born == null) {
                        born = births.latestUpTo(origin + h - 5);
                        if (h == 1 || births.of(origin + h - 6) != null) {
                            warnings.add(Warning.of(Warning.Kind.BIRTHS_CARRIED, school, origin + h - 5));
                        }
                    }
                    result.put(origin + h, share * born);
                }
                return result;
            }
        }
        List<Integer> recent = new ArrayList<>();
        for (Integer year : years.descendingKeySet()) {
            if (recent.size() == method.entryWindow()) {
                break;
            }
            Integer n = years.get(year).get(entry);
            if (n != null) {
                recent.add(0, n);
            }
        }
        double level = recent.stream().mapToInt(Integer::intValue).average().orElse(0);
        double slope = EntryTrend.slope(recent);
        for (int h = 1; h <= horizon; h++) {
            result.put(origin + h, EntryTrend.project(level, slope, recent.size(), h, method.entryTrend()));
        }
        return result;
    }
}
