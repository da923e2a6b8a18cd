package org.lodestar.enrollment.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolling-origin backtest: from every past year with enough history, forecast as if it were then, and compare each
 * school's total (and the district's, summed over the same schools) with what was counted. Interval coverage is
 * judged out of sample: each origin's bands come only from errors that were known at that origin.
 */
public final class Backtest {

    /** Years of history needed before the first origin. */
    static final int MINIMUM_YEARS = 4;

    /** Accuracy at one horizon. Percentages are 0-100; coverage is null where no band could be judged yet. */
    public record Row(
            int horizon,
            double schoolMape,
            double districtMape,
            double schoolsWithin2Percent,
            Double coverage80,
            Double coverage95,
            int schoolForecasts,
            int origins) {}

    /**
     * @param schoolErrors every school-total error of the backtest, to draw a new forecast's bands from
     * @param districtErrors the same for district totals
     */
    public record Report(
            Method method,
            int lastTargetYear,
            List<Row> rows,
            IntervalModel schoolErrors,
            IntervalModel districtErrors) {

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
        IntervalModel known = new IntervalModel();
        IntervalModel all = new IntervalModel();
        IntervalModel districtAll = new IntervalModel();
        List<double[]> pending = new ArrayList<>(); // target year, horizon, forecast, actual: added once known
        for (int origin = history.firstYear() + MINIMUM_YEARS - 1; origin < lastTargetYear; origin++) {
            boolean judged = origin >= firstOrigin;
            int now = origin;
            pending.removeIf(error -> {
                if (error[0] <= now) {
                    known.add((int) error[1], error[2], error[3]);
                    return true;
                }
                return false;
            });
            EnrollmentHistory past = history.upTo(origin);
            Map<Integer, double[]> district = new HashMap<>();
            List<CohortSurvival.SchoolForecast> forecasts =
                    forecastAll(past, origin, survival, horizon, births, method);
            for (CohortSurvival.SchoolForecast forecast : forecasts) {
                String school = forecast.school();
                for (int h = 1; h <= horizon && origin + h <= lastTargetYear; h++) {
                    Integer actual = history.total(school, origin + h);
                    if (actual == null || actual == 0) {
                        continue;
                    }
                    double predicted = forecast.total(origin + h);
                    pending.add(new double[] {origin + h, h, predicted, actual});
                    all.add(h, predicted, actual);
                    if (!judged) {
                        continue;
                    }
                    Tally tally = tallies.computeIfAbsent(h, Tally::new);
                    double error = Math.abs(predicted - actual) / actual;
                    tally.schoolErrors.add(error);
                    if (known.covers(h)) {
                        IntervalModel.Band band = known.band(h, predicted);
                        tally.judged++;
                        tally.inside80 +=
                                actual >= predicted * band.lower80() && actual <= predicted * band.upper80() ? 1 : 0;
                        tally.inside95 +=
                                actual >= predicted * band.lower95() && actual <= predicted * band.upper95() ? 1 : 0;
                    }
                    double[] sums = district.computeIfAbsent(h, k -> new double[2]);
                    sums[0] += predicted;
                    sums[1] += actual;
                }
            }
            if (!judged) {
                continue;
            }
            district.forEach((h, sums) -> {
                Tally tally = tallies.get(h);
                tally.districtErrors.add(Math.abs(sums[0] - sums[1]) / sums[1]);
                districtAll.add(h, sums[0], sums[1]);
            });
        }
        List<Row> rows = new ArrayList<>();
        for (int h = 1; h <= horizon; h++) {
            Tally tally = tallies.get(h);
            if (tally != null) {
                rows.add(tally.row());
            }
        }
        return new Report(method, lastTargetYear, rows, all, districtAll);
    }

    /** Every school counted at the origin with an earlier year too, reconciled when the method says so. */
    static List<CohortSurvival.SchoolForecast> forecastAll(
            EnrollmentHistory past, int origin, CohortSurvival survival, int horizon, Births births, Method method) {
        List<CohortSurvival.SchoolForecast> forecasts = new ArrayList<>();
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

    /** Every error at one horizon. */
    private static final class Tally {
        final int horizon;
        final List<Double> schoolErrors = new ArrayList<>();
        final List<Double> districtErrors = new ArrayList<>();
        int judged;
        int inside80;
        int inside95;

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
                    judged == 0 ? null : 100.0 * inside80 / judged,
                    judged == 0 ? null : 100.0 * inside95 / judged,
                    schoolErrors.size(),
                    districtErrors.size());
        }

        private static double mean(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
    }
}
