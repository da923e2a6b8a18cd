package org.lodestar.enrollment.projection;

/**
 * The levels a forecast is shown at, each with its own bands: errors of a grade of 20 students are not those of a
 * school of 500, nor those of a district, so each level is calibrated on its own errors, by size.
 */
public enum BandLevel {
    GRADE(25, 50, 100),
    SCHOOL(250, 500),
    DISTRICT;

    private final int[] sizeLimits;

    BandLevel(int... sizeLimits) {
        this.sizeLimits = sizeLimits;
    }

    /** 0 for the smallest, one more for each limit reached. */
    public int sizeClass(double forecast) {
        int size = 0;
        for (int limit : sizeLimits) {
            if (forecast >= limit) {
                size++;
            }
        }
        return size;
    }

    public int sizeClasses() {
        return sizeLimits.length + 1;
    }
}
