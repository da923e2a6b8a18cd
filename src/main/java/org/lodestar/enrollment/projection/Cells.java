package org.lodestar.enrollment.projection;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A forecast's cells, each made when it is read, from its school's forecast and its band: a state's forecast has
 * hundreds of thousands of them, which kept as objects took more memory than everything else the forecast holds.
 * Each cell costs an int here.
 */
final class Cells extends AbstractList<EnrollmentForecaster.Cell> implements RandomAccess {

    private static final Grade[] GRADES = Grade.values();

    private final List<SchoolForecast> forecasts;

    /** By years ahead and size class: a grade's band, the same for every cell of that horizon and size. */
    private final Bands.Band[][] bands;

    /** By cell: the index of its school's forecast, years ahead and grade, in 24, 4 and 4 bits. */
    private int[] cells = new int[1024];

    private int size;

    /**
     * A cell for each school, year ahead and grade forecast, in that order, with grade bands from {@code errors}.
     *
     * @param forecasts the schools' forecasts, not to be changed any more
     */
    Cells(List<SchoolForecast> forecasts, int horizon, Bands errors) {
        this.forecasts = forecasts;
        this.bands = new Bands.Band[horizon + 1][BandLevel.GRADE.sizeClasses()];
        for (int school = 0; school < forecasts.size(); school++) {
            for (int ahead = 1; ahead <= horizon; ahead++) {
                add(school, ahead, errors);
            }
        }
    }

    private void add(int school, int ahead, Bands errors) {
        SchoolForecast forecast = forecasts.get(school);
        forecast.forEachGrade(forecast.origin() + ahead, (grade, value) -> {
            Bands.Band[] ofHorizon = bands[ahead];
            int sizeClass = BandLevel.GRADE.sizeClass(value);
            if (ofHorizon[sizeClass] == null) {
                ofHorizon[sizeClass] = errors.band(BandLevel.GRADE, ahead, value);
            }
            if (size == cells.length) {
                cells = Arrays.copyOf(cells, size * 2);
            }
            cells[size++] = school << 8 | ahead << 4 | grade.ordinal();
        });
    }

    @Override
    public EnrollmentForecaster.Cell get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int cell = cells[index];
        SchoolForecast forecast = forecasts.get(cell >>> 8);
        int ahead = cell >>> 4 & 15;
        int year = forecast.origin() + ahead;
        Grade grade = GRADES[cell & 15];
        double value = forecast.count(year, grade);
        Bands.Band band = bands[ahead][BandLevel.GRADE.sizeClass(value)];
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

    @Override
    public int size() {
        return size;
    }
}
