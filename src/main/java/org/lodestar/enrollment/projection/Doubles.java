package org.lodestar.enrollment.projection;

import java.util.Arrays;
import java.util.stream.DoubleStream;

/** A growable array of doubles: a backtest of a state keeps millions of errors, which as objects cost too much. */
final class Doubles {

    private double[] values = new double[16];
    private int size;

    void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.max(16, size * 2));
        }
        values[size++] = value;
    }

    double get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    /** The values in order, summed and averaged as any stream is (compensated). */
    DoubleStream stream() {
        return Arrays.stream(values, 0, size);
    }

    /** Gives back the room kept for values to come, once none will (doubling leaves up to half of it unused). */
    void trim() {
        if (values.length > size) {
            values = Arrays.copyOf(values, size);
        }
    }

    /** Copies every value into {@code target} from {@code at} on; returns where the next would go. */
    int copyTo(double[] target, int at) {
        System.arraycopy(values, 0, target, at, size);
        return at + size;
    }
}
