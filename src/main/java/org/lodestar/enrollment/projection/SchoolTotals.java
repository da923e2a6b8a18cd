package org.lodestar.enrollment.projection;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A forecast's school totals, each made when it is read from its sum and its band (calibrated on school totals): a
 * state's schools over ten years are twenty thousand records, where a double each will do.
 */
final class SchoolTotals extends AbstractList<EnrollmentForecaster.SchoolTotal> implements RandomAccess {

    private final List<SchoolForecast> forecasts;

    private final int horizon;

    /** By school, then years ahead. */
    private final double[] totals;

    /** By years ahead and size class: a school total's band. */
    private final Bands.Band[][] bands;

    /**
     * A total for each school and year ahead, in that order, with school bands from {@code errors}.
     *
     * @param forecasts the schools' forecasts, not to be changed any more
     */
    SchoolTotals(List<SchoolForecast> forecasts, int horizon, Bands errors) {
        this.forecasts = forecasts;
        this.horizon = horizon;
        this.totals = new double[forecasts.size() * horizon];
        this.bands = new Bands.Band[horizon + 1][BandLevel.SCHOOL.sizeClasses()];
        for (int school = 0; school < forecasts.size(); school++) {
            SchoolForecast forecast = forecasts.get(school);
            for (int ahead = 1; ahead <= horizon; ahead++) {
                double total = forecast.total(forecast.origin() + ahead);
                totals[school * horizon + ahead - 1] = total;
                int sizeClass = BandLevel.SCHOOL.sizeClass(total);
                if (bands[ahead][sizeClass] == null) {
                    bands[ahead][sizeClass] = errors.band(BandLevel.SCHOOL, ahead, total);
                }
            }
        }
    }

    /** The total of one school (by its place among the forecasts) that many years ahead. */
    double total(int school, int ahead) {
        return totals[school * horizon + ahead - 1];
    }

    @Override
    public EnrollmentForecaster.SchoolTotal get(int index) {
        SchoolForecast forecast = forecasts.get(index / horizon);
        int ahead = index % horizon + 1;
        double total = totals[index];
        Bands.Band band = bands[ahead][BandLevel.SCHOOL.sizeClass(total)];
        return new EnrollmentForecaster.SchoolTotal(
                forecast.school(),
                forecast.origin() + ahead,
                total,
                total * band.lower80(),
                total * band.upper80(),
                total * band.lower95(),
                total * band.upper95(),
                band.source());
    }

    @Override
    public int size() {
        return totals.length;
    }
}
