package org.lodestar.enrollment.projection;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A forecast's cells, each made when it is read, from its school's forecast and its band: a state's forecast has
 * hundreds of thousands of them, which kept as objects took more memory than everything else the forecast holds.
 * Only where each school's cells begin is kept; a cell is found from there.
 */
final class Cells extends AbstractList<EnrollmentForecaster.Cell> implements RandomAccess {

    private final List<SchoolForecast> forecasts;

    /** By school (its place among the forecasts): its first cell's index; one more entry, the number of cells. */
    private final int[] first;

    /** By years ahead and size class: a grade's band, the same for every cell of that horizon and size. */
    private final Bands.Band[][] bands;

    /**
     * A cell for each school, year ahead and grade forecast, in that order, with grade bands from {@code errors}.
     *
     * @param forecasts the schools' forecasts, not to be changed any more
     */
    Cells(List<SchoolForecast> forecasts, int horizon, Bands errors) {
        this.forecasts = forecasts;
        this.first = new int[forecasts.size() + 1];
        this.bands = new Bands.Band[horizon + 1][BandLevel.GRADE.sizeClasses()];
        for (int school = 0; school < forecasts.size(); school++) {
            SchoolForecast forecast = forecasts.get(school);
            int cells = 0;
            for (int ahead = 1; ahead <= horizon; ahead++) {
                int inYears = ahead;
                forecast.forEachGrade(forecast.origin() + ahead, (grade, value) -> {
                    Bands.Band[] ofHorizon = bands[inYears];
                    int sizeClass = BandLevel.GRADE.sizeClass(value);
                    if (ofHorizon[sizeClass] == null) {
                        ofHorizon[sizeClass] = errors.band(BandLevel.GRADE, inYears, value);
                    }
                });
                cells += forecast.grades(forecast.origin() + ahead);
            }
            first[school + 1] = first[school] + cells;
        }
    }

    @Override
    public EnrollmentForecaster.Cell get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        int school = schoolOf(index);
        SchoolForecast forecast = forecasts.get(school);
        int nth = index - first[school];
        int year = forecast.origin() + 1;
        while (nth >= forecast.grades(year)) {
            nth -= forecast.grades(year);
            year++;
        }
        Grade grade = forecast.grade(year, nth);
        double value = forecast.count(year, grade);
        Bands.Band band = bands[year - forecast.origin()][BandLevel.GRADE.sizeClass(value)];
        return new EnrollmentForecaster.Cell(
                forecast.school(),
                year,
                grade,
                value,
                value * band.lower80(),
                value * band.upper80(),
                value * band.lower95(),
                value * band.upper95(),
                band.source());
    }

    /** The last school whose first cell is at or before the index. */
    private int schoolOf(int index) {
        int low = 0;
        int high = forecasts.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (first[middle] <= index) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    @Override
    public int size() {
        return first[forecasts.size()];
    }
}
