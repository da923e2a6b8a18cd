package org.lodestar.enrollment.projection;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Prediction intervals from a method's own past errors at one level (grade cells, school totals or district totals):
 * the spread of log(actual / forecast) by years ahead and size, turned into bands around a new forecast. A band's
 * quantiles come from the errors of its own horizon and size; too few of those, and the horizon's errors of every
 * size are used (pooling schools of similar size first, then all); too few of the horizon at all, and there is no
 * band here: the caller falls back on the stated prior.
 */
public final class IntervalModel {

    static final int MINIMUM_ERRORS = 15;

    /** How many of the latest target years' errors a band is drawn from, so that it follows a changing district. */
    static final int RECENT_YEARS = 5;

    private final BandLevel level;

    /**
     * By horizon, target year and size class: the log errors, bare. A state's backtest keeps hundreds of thousands of
     * grade errors; kept apart by what a band selects on, each costs 8 bytes (not 24 with its year and size beside it)
     * and counting a band's errors adds up a few buckets' sizes rather than reading every error.
     */
    private final Map<Integer, NavigableMap<Integer, Doubles[]>> byHorizon = new HashMap<>();

    /** Bands already worked out, by horizon and size class: a backtest asks for the same ones thousands of times. */
    private final Map<Integer, Band> bands = new HashMap<>();

    /**
     * Only errors of target years up to this one count: a backtest keeps every error once, and at each origin sees
     * only those already known then.
     */
    private double asOf = Double.POSITIVE_INFINITY;

    /** A band: multiply a forecast by these to get its interval. */
    public record Band(double lower80, double upper80, double lower95, double upper95) {}

    public IntervalModel() {
        this(BandLevel.SCHOOL);
    }

    public IntervalModel(BandLevel level) {
        this.level = level;
    }

    public void add(int horizon, double forecast, double actual) {
        add(horizon, forecast, actual, 0);
    }

    /** The error of a forecast made this many years ahead of its target year. */
    public void add(int horizon, double forecast, double actual, int targetYear) {
        if (forecast <= 0 || actual <= 0) {
            return;
        }
        if (targetYear <= asOf) {
            bands.clear(); // an error not yet known at asOf changes no band yet
        }
        Doubles[] sizes = byHorizon
                .computeIfAbsent(horizon, h -> new TreeMap<>())
                .computeIfAbsent(targetYear, y -> new Doubles[level.sizeClasses()]);
        int size = level.sizeClass(forecast);
        if (sizes[size] == null) {
            sizes[size] = new Doubles();
        }
        sizes[size].add(Math.log(actual / forecast));
    }

    public boolean covers(int horizon) {
        return count(horizon, -1, Double.NEGATIVE_INFINITY) >= MINIMUM_ERRORS;
    }

    /**
     * Counts from now on only errors of target years up to {@code year}. A backtest moves on to its next origin so,
     * with every error of the origins before in: their buckets are full, and trimmed to size.
     */
    void asOf(double year) {
        if (year != asOf) {
            asOf = year;
            bands.clear();
        }
        for (NavigableMap<Integer, Doubles[]> years : byHorizon.values()) {
            for (Doubles[] sizes : years.values()) {
                for (Doubles errors : sizes) {
                    if (errors != null) {
                        errors.trim();
                    }
                }
            }
        }
    }

    /**
     * The errors of one horizon and size class (every size: -1), of target years from {@code fromYear} on, year by
     * year (a band sorts them).
     */
    double[] errors(int horizon, int sizeClass, double fromYear) {
        double[] found = new double[count(horizon, sizeClass, fromYear)];
        int n = 0;
        for (Doubles[] sizes : known(horizon, fromYear)) {
            for (int size = 0; size < sizes.length; size++) {
                if (sizes[size] != null && (sizeClass < 0 || size == sizeClass)) {
                    n = sizes[size].copyTo(found, n);
                }
            }
        }
        return found;
    }

    /** Counted before copying: the errors of a state's grades run to hundreds of thousands. */
    private int count(int horizon, int sizeClass, double fromYear) {
        int n = 0;
        for (Doubles[] sizes : known(horizon, fromYear)) {
            for (int size = 0; size < sizes.length; size++) {
                if (sizes[size] != null && (sizeClass < 0 || size == sizeClass)) {
                    n += sizes[size].size();
                }
            }
        }
        return n;
    }

    /** The errors of one horizon by size class, of target years from {@code fromYear} up to asOf, in year order. */
    private Collection<Doubles[]> known(int horizon, double fromYear) {
        NavigableMap<Integer, Doubles[]> years = byHorizon.get(horizon);
        int from = (int) Math.ceil(fromYear); // an infinite year becomes the least or greatest int
        int to = lastKnownYear();
        return years == null || from > to
                ? List.of()
                : years.subMap(from, true, to, true).values();
    }

    private int lastKnownYear() {
        return (int) Math.floor(asOf);
    }

    /** The errors of one horizon and size class, every year's, for fitting the prior. */
    double[] errors(int horizon, int sizeClass) {
        return errors(horizon, sizeClass, Double.NEGATIVE_INFINITY);
    }

    /**
     * The band for a forecast this many years ahead, or null when the history gave too few errors of that horizon (the
     * caller then says it uses the prior instead). Drawn from the latest target years' errors of schools of similar
     * size, else of every size, else from every year's.
     */
    public Band band(int horizon, double forecast) {
        if (!covers(horizon)) {
            return null;
        }
        int size = level.sizeClass(forecast);
        return bands.computeIfAbsent(horizon * 16 + size, key -> {
            // covered, so some target year up to asOf has errors
            int latest = byHorizon.get(horizon).floorKey(lastKnownYear());
            double from = latest - RECENT_YEARS + 1;
            int chosenSize = count(horizon, size, from) >= MINIMUM_ERRORS ? size : -1;
            double chosenFrom = count(horizon, chosenSize, from) >= MINIMUM_ERRORS ? from : Double.NEGATIVE_INFINITY;
            double[] sorted = errors(horizon, chosenSize, chosenFrom);
            Arrays.sort(sorted);
            return fromQuantiles(
                    1,
                    quantile(sorted, 0.10),
                    quantile(sorted, 0.90),
                    quantile(sorted, 0.025),
                    quantile(sorted, 0.975));
        });
    }

    /** How many errors of this horizon and size class (every size: -1) there are. */
    int count(int horizon, int sizeClass) {
        return count(horizon, sizeClass, Double.NEGATIVE_INFINITY);
    }

    /** The band drawn from every error of this horizon and size class (every size: -1), however few. */
    Band bandOf(int horizon, int sizeClass) {
        double[] sorted = errors(horizon, sizeClass);
        Arrays.sort(sorted);
        return fromQuantiles(
                1, quantile(sorted, 0.10), quantile(sorted, 0.90), quantile(sorted, 0.025), quantile(sorted, 0.975));
    }

    /**
     * Every error known now, of every horizon, as a spread per year ahead: how many there are, the mean of (log error
     * / years ahead) squared, and how many origins they came from (a district's errors of one origin at different
     * horizons share that origin's surprises, so they are not independent).
     */
    record Spread(int errors, double meanSquarePerYear, int origins) {}

    /** Summed horizon by horizon, year by year, size class by size class (a district's: in the order they came). */
    Spread spreadPerYear() {
        double sum = 0;
        int n = 0;
        Set<Integer> origins = new HashSet<>();
        for (Map.Entry<Integer, NavigableMap<Integer, Doubles[]>> entry : byHorizon.entrySet()) {
            int horizon = entry.getKey();
            for (Map.Entry<Integer, Doubles[]> year :
                    entry.getValue().headMap(lastKnownYear(), true).entrySet()) {
                for (Doubles errors : year.getValue()) {
                    for (int i = 0; errors != null && i < errors.size(); i++) {
                        double perYear = errors.get(i) / horizon;
                        sum += perYear * perYear;
                        n++;
                        origins.add(year.getKey() - horizon);
                    }
                }
            }
        }
        return new Spread(n, n == 0 ? 0 : sum / n, origins.size());
    }

    /** The standard normal's 90% and 97.5% quantiles: an 80% and a 95% band's half-widths in standard deviations. */
    static final double Z90 = 1.2815515655446004;

    static final double Z975 = 1.959963984540054;

    /**
     * Student's t quantile with {@code df} degrees of freedom at the normal quantile {@code z} (Cornish-Fisher
     * expansion, Abramowitz and Stegun 26.7.5): within 0.005 of the exact value from 3 degrees of freedom on.
     */
    static double studentT(double z, double df) {
        double z2 = z * z;
        double z3 = z2 * z;
        double z5 = z3 * z2;
        double z7 = z5 * z2;
        double z9 = z7 * z2;
        return z
                + (z3 + z) / (4 * df)
                + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df * df * df)
                + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df * df * df * df);
    }

    /** The longest horizon below this one with enough errors, or 0. */
    int longestCoveredBelow(int horizon) {
        for (int h = horizon - 1; h >= 1; h--) {
            if (covers(h)) {
                return h;
            }
        }
        return 0;
    }

    /** A band from log-error quantiles, widened; never narrower than 1% each side, so never of zero width. */
    static Band fromQuantiles(double widen, double q10, double q90, double q025, double q975) {
        double floor = 0.01;
        return new Band(
                Math.exp(Math.min(-floor, widen * q10)),
                Math.exp(Math.max(floor, widen * q90)),
                Math.exp(Math.min(-floor, widen * q025)),
                Math.exp(Math.max(floor, widen * q975)));
    }

    /** Linear interpolation between order statistics (the usual "type 7" quantile). */
    static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
