package org.lodestar.enrollment.projection;

/**
 * How a grade-progression forecast is made.
 *
 * @param averaging how observed progression ratios are averaged; POOLED divides students who moved up by students who
 *     could have, over the window, so that the sum over schools is not bent by averaging ratios
 * @param window how many of the most recent year-to-year transitions are used
 * @param shrinkage how many students' worth of weight the district's ratio gets against a school's own (0: none), so
 *     that a small school's noisy ratios lean on the district's; {@link #ESTIMATED}: learned from the spread of the
 *     schools' ratios (empirical Bayes)
 * @param entryFromBirths whether kindergarten follows births five years earlier (when births are known)
 * @param entryWindow how many recent years the entry grade's level (or its share of births) is averaged over
 * @param recency weight of a transition one year older than another (1: all alike)
 * @param entryTrend how much of the entry grade's recent trend is carried on, damped year by year (0: held level)
 * @param reconciled whether school forecasts are scaled, grade by grade, to a separately forecast district total
 */
public record Method(
        Averaging averaging,
        int window,
        double shrinkage,
        boolean entryFromBirths,
        int entryWindow,
        double recency,
        double entryTrend,
        boolean reconciled) {

    /** Shrinkage strength estimated from the history rather than fixed. */
    public static final double ESTIMATED = -1;

    /** The plain method practitioners use as a yardstick: 3-year mean ratios, entry grade held at its 3-year mean. */
    public static final Method BASELINE = new Method(Averaging.MEAN, 3, 0, false, 3);

    /** The method chosen on Eau Claire alone (issue #12 found its district totals biased elsewhere). */
    public static final Method MEDIAN_SHRUNK = new Method(Averaging.MEDIAN, 5, 40, true, 3);

    /**
     * Lodestar's method, chosen on the backtests of Eau Claire, Connecticut and Chicago (see README): five years of
     * ratios pooled over students, leaning on the district's with a strength estimated from the history, kindergarten
     * from births (else its 3-year level: carrying on its trend, even damped, did worse on Connecticut), and schools
     * reconciled grade by grade with the district's own forecast. Recent years are not weighted more: that gained a
     * little on Connecticut but lost more after Eau Claire's 2020 drop, which it let weigh on every later forecast.
     */
    public static final Method LODESTAR = new Method(Averaging.POOLED, 5, ESTIMATED, true, 3, 1, 0, true);

    public Method(Averaging averaging, int window, double shrinkage, boolean entryFromBirths, int entryWindow) {
        this(averaging, window, shrinkage, entryFromBirths, entryWindow, 1, 0, false);
    }

    public Method {
        if (window < 1 || entryWindow < 1 || (shrinkage < 0 && shrinkage != ESTIMATED)) {
            throw new IllegalArgumentException("window and entry window must be at least 1, shrinkage at least 0");
        }
        if (!(recency > 0 && recency <= 1) || !(entryTrend >= 0 && entryTrend <= 1)) {
            throw new IllegalArgumentException("recency must be in (0, 1], entry trend in [0, 1]");
        }
    }

    boolean estimatedShrinkage() {
        return shrinkage == ESTIMATED;
    }
}
