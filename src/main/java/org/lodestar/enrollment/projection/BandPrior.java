package org.lodestar.enrollment.projection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The stated prior for bands a district's own history cannot give: quantiles of log(actual / forecast) by level,
 * years ahead (1 to 5) and size, learned from Lodestar's backtests on the shipped histories (Eau Claire, Connecticut,
 * Chicago; {@code band-prior.csv}, written by the test-side {@code BandPriorFit}). Past five years, the fifth year's
 * errors are widened with the square root of the years, as a random walk's would be.
 */
final class BandPrior {

    static final int HORIZONS = 5;

    /** "level:horizon:size" (size -1: every size) to q10, q90, q025, q975. */
    private static final Map<String, double[]> QUANTILES = load();

    private BandPrior() {}

    static IntervalModel.Band band(BandLevel level, int horizon, double forecast) {
        int h = Math.min(horizon, HORIZONS);
        double[] q = QUANTILES.get(level + ":" + h + ":" + level.sizeClass(forecast));
        if (q == null) {
            q = QUANTILES.get(level + ":" + h + ":-1");
        }
        return IntervalModel.fromQuantiles(Math.sqrt((double) horizon / h), q[0], q[1], q[2], q[3]);
    }

    /** The prior's band at one horizon (1 to 5) and size class (every size: -1), where it has one; else null. */
    static IntervalModel.Band bandOfSize(BandLevel level, int horizon, int sizeClass) {
        double[] q = QUANTILES.get(level + ":" + horizon + ":" + sizeClass);
        return q == null ? null : IntervalModel.fromQuantiles(1, q[0], q[1], q[2], q[3]);
    }

    private static Map<String, double[]> load() {
        Map<String, double[]> quantiles = new HashMap<>();
        try (var in = BandPrior.class.getResourceAsStream("band-prior.csv");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",");
                quantiles.put(f[0] + ":" + f[1] + ":" + f[2], new double[] {
                    Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]),
                    Double.parseDouble(f[6]),
                    Double.parseDouble(f[7])
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return quantiles;
    }
}
