package org.lodestar.enrollment.projection;

/**
 * How a grade-progression forecast is made.
 *
 * @param averaging how observed progression ratios are averaged
 * @param window how many of the most recent year-to-year transitions are used
 * @param shrinkage how many students' worth of weight the district's ratio gets against a school's own (0: none), so
 *     that a small school's noisy ratios lean on the district's
 * @param entryFromBirths whether kindergarten follows births five years earlier (when births are known)
 * @param entryWindow how many recent years the entry grade's level (or its share of births) is averaged over
 */
public record Method(Averaging averaging, int window, double shrinkage, boolean entryFromBirths, int entryWindow) {

    /** The plain method practitioners use as a yardstick: 3-year mean ratios, entry grade held at its 3-year mean. */
    public static final Method BASELINE = new Method(Averaging.MEAN, 3, 0, false, 3);

    /**
     * Lodestar's method, chosen on the Eau Claire backtest: medians of five years of ratios resist one odd year (the
     * 2020 drop), small schools lean on the district's ratios, and kindergarten follows births.
     */
    public static final Method LODESTAR = new Method(Averaging.MEDIAN, 5, 40, true, 3);

    public Method {
        if (window < 1 || entryWindow < 1 || shrinkage < 0) {
            throw new IllegalArgumentException("window and entry window must be at least 1, shrinkage at least 0");
        }
    }
}
