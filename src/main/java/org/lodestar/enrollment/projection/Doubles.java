package org.lodestar.enrollment.projection;

import java.util.Arrays;

/** A growable array of doubles: a backtest of a state keeps millions of errors, which as objects cost too much. */
final class Doubles {

    private double[] values = new double[16];
    private int size;

    void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    double get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }
}
