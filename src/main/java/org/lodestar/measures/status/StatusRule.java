package org.lodestar.measures.status;

/**
 * On track when a KPI is at or beyond where its trajectory says it should be this year; at risk when it falls short
 * by no more than the district's tolerance (a percentage of the expected value); off track when it falls short by
 * more; no data without a value.
 */
public final class StatusRule {

    /** Values are entered with a few decimals; a difference below this is rounding, not a shortfall. */
    private static final double ROUNDING = 1e-9;

    private final double tolerancePercent;

    public StatusRule(double tolerancePercent) {
        if (tolerancePercent < 0 || tolerancePercent > 100) {
            throw new IllegalArgumentException("Tolerance must be between 0 and 100 percent: " + tolerancePercent);
        }
        this.tolerancePercent = tolerancePercent;
    }

    public KpiStatus status(Trajectory trajectory, Direction direction, int year, Double actual) {
        return status(trajectory, direction, year, actual, -1);
    }

    /**
     * The status as people see it: actual and expected are compared at the precision they are shown with, so that
     * "18.8% against an expected 18.8%" is on track even when the path expects 18.83.
     *
     * @param shownDecimals the decimals values are shown with, or -1 to compare exactly
     */
    public KpiStatus status(Trajectory trajectory, Direction direction, int year, Double actual, int shownDecimals) {
        if (actual == null) {
            return KpiStatus.NO_DATA;
        }
        double expected = shown(trajectory.expected(year), shownDecimals);
        actual = shown(actual, shownDecimals);
        double shortfall = direction == Direction.HIGHER_IS_BETTER ? expected - actual : actual - expected;
        if (shortfall <= ROUNDING) {
            return KpiStatus.ON_TRACK;
        }
        double band = Math.abs(expected) * tolerancePercent / 100.0;
        return shortfall <= band + ROUNDING ? KpiStatus.AT_RISK : KpiStatus.OFF_TRACK;
    }

    private static double shown(double value, int decimals) {
        return decimals < 0
                ? value
                : new java.math.BigDecimal(Double.toString(value))
                        .setScale(decimals, java.math.RoundingMode.HALF_UP)
                        .doubleValue();
    }
}
