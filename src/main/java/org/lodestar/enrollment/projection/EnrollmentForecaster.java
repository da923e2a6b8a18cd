package org.lodestar.enrollment.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Forecasts every school of a history with Lodestar's method (or another), puts 80% and 95% bands around each grade
 * and district total from the method's own backtest errors at that level on the same history (or the stated prior,
 * where the history is too short), and adds schools up to district totals.
 */
public final class EnrollmentForecaster {

    /** One school, future year and grade. */
    public record Cell(
            String school,
            int year,
            Grade grade,
            double forecast,
            double lower80,
            double upper80,
            double lower95,
            double upper95,
            Bands.Source bandSource) {}

    /** A district total for a future year, with its bands. */
    public record Total(
            int year,
            double forecast,
            double lower80,
            double upper80,
            double lower95,
            double upper95,
            Bands.Source bandSource) {}

    /** A school's total for a future year, with bands calibrated on school totals (not the sum of its grades'). */
    public record SchoolTotal(
            String school,
            int year,
            double forecast,
            double lower80,
            double upper80,
            double lower95,
            double upper95,
            Bands.Source bandSource) {}

    public record Result(
            List<Cell> cells,
            List<SchoolTotal> schoolTotals,
            List<Total> districtTotals,
            List<Warning> warnings,
            Backtest.Report backtest) {}

    private EnrollmentForecaster() {}

    public static Result forecast(EnrollmentHistory history, Births births, Method method, int horizon) {
        if (horizon < 1 || horizon > 15) {
            throw new IllegalArgumentException("The horizon must be from 1 to 15 years: " + horizon);
        }
        if (history.isEmpty()) {
            throw new IllegalArgumentException("The history has no rows");
        }
        List<Warning> warnings = new ArrayList<>();
        int complete = history.completeYear();
        if (complete < history.lastYear()) {
            warnings.add(Warning.of(Warning.Kind.LATEST_YEAR_INCOMPLETE, null, complete));
            history = history.viewUpTo(complete);
        }
        Backtest.Report backtest = Backtest.run(history, births, method, horizon, history.lastYear());
        CohortSurvival survival = new CohortSurvival(method);
        int last = history.lastYear();
        List<SchoolForecast> forecasts = new ArrayList<>();
        for (String school : history.schools()) {
            if (!history.of(school).containsKey(last)) {
                continue; // closed before the last counted year
            }
            try {
                forecasts.add(survival.forecast(history, school, horizon, null, births));
            } catch (Warning.CannotForecast tooLittleHistory) {
                warnings.add(tooLittleHistory.warning());
            }
        }
        if (method.reconciled()) {
            Reconciliation.reconcile(history, last, forecasts, method);
        }
        Cells cells = new Cells(forecasts, horizon, backtest.errors());
        SchoolTotals schoolTotals = new SchoolTotals(forecasts, horizon, backtest.errors());
        Map<Integer, Double> district = new TreeMap<>();
        for (int i = 0; i < forecasts.size(); i++) {
            warnings.addAll(forecasts.get(i).warnings());
            for (int h = 1; h <= horizon; h++) {
                district.merge(last + h, schoolTotals.total(i, h), Double::sum);
            }
        }
        List<Total> totals = new ArrayList<>();
        district.forEach((year, value) -> {
            Bands.Band band = backtest.errors().band(BandLevel.DISTRICT, year - last, value);
            totals.add(new Total(
                    year,
                    value,
                    value * band.lower80(),
                    value * band.upper80(),
                    value * band.lower95(),
                    value * band.upper95(),
                    band.source()));
        });
        return new Result(cells, schoolTotals, totals, warnings, backtest);
    }
}
