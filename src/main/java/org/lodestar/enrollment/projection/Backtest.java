package org.lodestar.enrollment.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolling-origin backtest: from every past year with enough history, forecast as if it were then, and compare each
 * school's grades and total (and the district's, summed over the same schools) with what was counted. Band coverage
 * is judged out of sample at each level: each origin's bands come only from errors known at that origin, or from the
 * prior where those are too few, as a forecast made then would have had them.
 */
public final class Backtest {

    /** Years of history needed before the first origin. */
    static final int MINIMUM_YEARS = 4;

    /**
     * Accuracy at one horizon. Percentages are 0-100. Coverage is the share of actual counts inside the 80% band at
     * each level (grade of a school, school total, district total); {@code coverage95} is the school totals'.
     */
    public record Row(
            int horizon,
            double schoolMape,
            double districtMape,
            double schoolsWithin2Percent,
            Double gradeCoverage80,
            Double coverage80,
            Double districtCoverage80,
            Double coverage95,
            int schoolForecasts,
            int origins) {}

    /** @param errors every error of the backtest at every level, to draw a new forecast's bands from */
    public record Report(Method method, int lastTargetYear, List<Row> rows, Bands errors) {

        public Row at(int horizon) {
            return rows.stream()
                    .filter(row -> row.horizon() == horizon)
                    .findFirst()
                    .orElseThrow();
        }
    }

    private Backtest() {}

    /**
     * @param lastTargetYear the last target year judged (e.g. 2019, so that the 2020 drop is not counted)
     */
    public static Report run(EnrollmentHistory history, Births births, Method method, int horizon, int lastTargetYear) {
        return run(history, births, method, horizon, history.firstYear() + MINIMUM_YEARS - 1, lastTargetYear);
    }

    /** The same, judging only forecasts made from {@code firstOrigin} on (e.g. those made after a shock). */
    public static Report run(
            EnrollmentHistory history, Births births, Method method, int horizon, int firstOrigin, int lastTargetYear) {
        CohortSurvival survival = new CohortSurvival(method);
        Map<Integer, Tally> tallies = new HashMap<>();
        // every error, kept once: at each origin the bands see only those of target years already passed
        Bands known = new Bands();
        for (int origin = history.firstYear() + MINIMUM_YEARS - 1; origin < lastTargetYear; origin++) {
            boolean judged = origin >= firstOrigin;
            int now = origin;
            known.asOf(origin);
            EnrollmentHistory past = history.viewUpTo(origin);
            Map<Integer, double[]> district = new HashMap<>();
            // no further than the last target year: the years past it are never judged
            int reach = Math.min(horizon, lastTargetYear - origin);
            for (SchoolForecast forecast : forecastAll(past, origin, survival, reach, births, method)) {
                for (int h = 1; h <= reach; h++) {
                    Integer actual = history.total(forecast.school(), origin + h);
                    if (actual == null || actual == 0) {
                        continue;
                    }
                    Tally tally = judged ? tallies.computeIfAbsent(h, Tally::new) : null;
                    int year = origin + h;
                    int ahead = h;
                    forecast.forEachGrade(year, (grade, predicted) -> {
                        Integer counted = history.count(forecast.school(), year, grade);
                        if (counted != null && counted > 0 && predicted > 0) {
                            known.add(BandLevel.GRADE, ahead, predicted, counted, year);
                            if (tally != null) {
                                tally.grade.judge(known.band(BandLevel.GRADE, ahead, predicted), predicted, counted);
                            }
                        }
                    });
                    double predicted = forecast.total(year);
                    known.add(BandLevel.SCHOOL, h, predicted, actual, year);
                    double[] sums = district.computeIfAbsent(h, k -> new double[2]);
                    sums[0] += predicted;
                    sums[1] += actual;
                    if (tally != null) {
                        tally.schoolErrors.add(Math.abs(predicted - actual) / actual);
                        tally.school.judge(known.band(BandLevel.SCHOOL, h, predicted), predicted, actual);
                    }
                }
            }
            district.forEach((h, sums) -> {
                Tally tally = tallies.get(h);
                if (judged) {
                    tally.districtErrors.add(Math.abs(sums[0] - sums[1]) / sums[1]);
                    tally.district.judge(known.band(BandLevel.DISTRICT, h, sums[0]), sums[0], sums[1]);
                }
                known.add(BandLevel.DISTRICT, h, sums[0], sums[1], now + h);
            });
        }
        List<Row> rows = new ArrayList<>();
        for (int h = 1; h <= horizon; h++) {
            Tally tally = tallies.get(h);
            if (tally != null) {
                rows.add(tally.row());
            }
        }
        known.asOf(Double.POSITIVE_INFINITY);
        if (history.lastYear() - history.firstYear() + 1 <= MINIMUM_YEARS) {
            known.scaleBy(early(history, births, method, horizon));
        }
        return new Report(method, lastTargetYear, rows, known);
    }

    /**
     * The errors of forecasts from origins too early for a backtest proper (from the second year of history on, with
     * as little as one transition), all known at the history's last year: too few years to judge a band with, enough
     * (every school and grade of the district) to say how this district's errors compare with the prior's.
     */
    static Bands early(EnrollmentHistory history, Births births, Method method, int horizon) {
        CohortSurvival survival = new CohortSurvival(method);
        Bands errors = new Bands();
        int last = history.lastYear();
        for (int origin = history.firstYear() + 1; origin < last; origin++) {
            EnrollmentHistory past = history.viewUpTo(origin);
            Map<Integer, double[]> district = new HashMap<>();
            int reach = Math.min(horizon, last - origin);
            for (SchoolForecast forecast : forecastAll(past, origin, survival, reach, births, method)) {
                for (int h = 1; h <= reach; h++) {
                    int year = origin + h;
                    Integer actual = history.total(forecast.school(), year);
                    if (actual == null || actual == 0) {
                        continue;
                    }
                    int ahead = h;
                    forecast.forEachGrade(year, (grade, predicted) -> {
                        Integer counted = history.count(forecast.school(), year, grade);
                        if (counted != null && counted > 0 && predicted > 0) {
                            errors.add(BandLevel.GRADE, ahead, predicted, counted, year);
                        }
                    });
                    double predicted = forecast.total(year);
                    errors.add(BandLevel.SCHOOL, h, predicted, actual, year);
                    double[] sums = district.computeIfAbsent(h, k -> new double[2]);
                    sums[0] += predicted;
                    sums[1] += actual;
                }
            }
            int now = origin;
            district.forEach((h, sums) -> errors.add(BandLevel.DISTRICT, h, sums[0], sums[1], now + h));
        }
        return errors;
    }

    /** Every school counted at the origin with an earlier year too, reconciled when the method says so. */
    static List<SchoolForecast> forecastAll(
            EnrollmentHistory past, int origin, CohortSurvival survival, int horizon, Births births, Method method) {
        List<SchoolForecast> forecasts = new ArrayList<>();
        for (String school : past.schools()) {
            if (!past.of(school).containsKey(origin) || past.of(school).size() < 2) {
                continue;
            }
            try {
                forecasts.add(survival.forecast(past, school, horizon, null, births));
            } catch (IllegalArgumentException tooLittleHistory) {
                // left out, as a forecaster would have to
            }
        }
        if (method.reconciled()) {
            Reconciliation.reconcile(past, origin, forecasts, method);
        }
        return forecasts;
    }

    /** How often what happened fell inside the bands. */
    private static final class Coverage {
        int judged;
        int inside80;
        int inside95;

        void judge(Bands.Band band, double predicted, double actual) {
            judged++;
            inside80 += actual >= predicted * band.lower80() && actual <= predicted * band.upper80() ? 1 : 0;
            inside95 += actual >= predicted * band.lower95() && actual <= predicted * band.upper95() ? 1 : 0;
        }

        Double share80() {
            return judged == 0 ? null : 100.0 * inside80 / judged;
        }

        Double share95() {
            return judged == 0 ? null : 100.0 * inside95 / judged;
        }
    }

    /** Every error at one horizon. */
    private static final class Tally {
        final int horizon;
        final Doubles schoolErrors = new Doubles();
        final Doubles districtErrors = new Doubles();
        final Coverage grade = new Coverage();
        final Coverage school = new Coverage();
        final Coverage district = new Coverage();

        Tally(int horizon) {
            this.horizon = horizon;
        }

        Row row() {
            double within2 =
                    schoolErrors.stream().filter(error -> error <= 0.02).count();
            return new Row(
                    horizon,
                    100 * mean(schoolErrors),
                    100 * mean(districtErrors),
                    100 * within2 / schoolErrors.size(),
                    grade.share80(),
                    school.share80(),
                    district.share80(),
                    school.share95(),
                    schoolErrors.size(),
                    districtErrors.size());
        }

        private static double mean(Doubles values) {
            return values.stream().average().orElse(Double.NaN);
        }
    }
}
