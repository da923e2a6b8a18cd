package org.lodestar.needs.analysis;

/**
 * A value against a reference (all students, the best group, the district, the state), read in the metric's direction.
 *
 * @param difference value minus reference, as the numbers stand
 * @param shortfall how far the value is behind the reference in the metric's direction: positive when worse (a higher
 *     chronic absenteeism, a lower proficiency), negative when better
 */
public record Gap(double value, double reference, double difference, double shortfall) {

    public static Gap of(double value, double reference, boolean higherIsBetter) {
        double difference = value - reference;
        return new Gap(value, reference, difference, higherIsBetter ? -difference : difference);
    }

    /** Whether the value is worse than its reference. */
    public boolean behind() {
        return shortfall > 0;
    }
}
