package org.lodestar.enrollment.projection;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Bands at every level shown, each calibrated on that level's own backtest errors; where the history gave too few
 * errors of a horizon, from the stated prior instead, and said so.
 */
public final class Bands {

    /** Where a band came from. */
    public enum Source {
        BACKTEST,
        PRIOR;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Multiply a forecast by these to get its interval. */
    public record Band(double lower80, double upper80, double lower95, double upper95, Source source) {}

    private final Map<BandLevel, IntervalModel> models = new EnumMap<>(BandLevel.class);

    /** Bands already worked out, by level, horizon and size class: asked for once per grade of every school. */
    private final Map<Integer, Band> worked = new HashMap<>();

    private double asOf = Double.POSITIVE_INFINITY;

    /** Errors of forecasts from origins too early for a backtest, to scale the prior by where there are no others. */
    private Bands early;

    public Bands() {
        for (BandLevel level : BandLevel.values()) {
            models.put(level, new IntervalModel(level));
        }
    }

    public void add(BandLevel level, int horizon, double forecast, double actual, int targetYear) {
        if (targetYear <= asOf) {
            worked.clear(); // an error not yet known at asOf changes no band yet
        }
        models.get(level).add(horizon, forecast, actual, targetYear);
    }

    /** From now on, bands see only errors of target years up to {@code year} (a backtest's origin). */
    void asOf(double year) {
        asOf = year;
        worked.clear();
        models.values().forEach(model -> model.asOf(year));
    }

    /** Where this history gave no errors of its own, the prior is scaled by how these compare with it. */
    void scaleBy(Bands early) {
        this.early = early;
        worked.clear();
    }

    public IntervalModel model(BandLevel level) {
        return models.get(level);
    }

    /**
     * The band at a level: from that level's own errors of the horizon; else the prior's, scaled by how the district's
     * own errors compared with the prior's at the longest horizon its history could test (a district steadier than
     * the ones the prior was learned on keeps its narrower bands further ahead); on a history too short for any
     * backtest, scaled by how its early errors compared with the prior's one year ahead ({@link #earlyScale});
     * else the prior as it is. A district total's band is a scale model on every known district error instead
     * ({@link #districtBand}), the prior only until one is known.
     */
    public Band band(BandLevel level, int horizon, double forecast) {
        return worked.computeIfAbsent((horizon * 16 + level.sizeClass(forecast)) * 4 + level.ordinal(), key -> {
            IntervalModel model = models.get(level);
            if (level == BandLevel.DISTRICT) {
                Band scaled = districtBand(model, horizon, forecast);
                if (scaled != null) {
                    return scaled;
                }
                return scaledPrior(model, early == null ? null : early.models.get(level), level, horizon, forecast);
            }
            IntervalModel.Band own = model.band(horizon, forecast);
            if (own != null) {
                return new Band(own.lower80(), own.upper80(), own.lower95(), own.upper95(), Source.BACKTEST);
            }
            return scaledPrior(model, early == null ? null : early.models.get(level), level, horizon, forecast);
        });
    }

    /**
     * How many errors' worth of weight the prior's district spread keeps against a district's own, and how many degrees
     * of freedom it adds: with one origin's errors known, a district band is still mostly the prior's, and wide.
     */
    static final double DISTRICT_PRIOR_WEIGHT = 2;

    /**
     * A district has one error per origin and horizon, too few for quantiles; its band is a scale model instead.
     * Every known district error, of every horizon, gives a spread per year ahead (log(actual / forecast) over the
     * years ahead, root mean square: errors of a district total grow about in proportion to the years, as a ratio
     * slightly off compounds), carried to this horizon in proportion, drawn toward the prior's spread at this horizon
     * with the weight {@link #DISTRICT_PRIOR_WEIGHT}, and turned into a band with Student's t quantiles of as many
     * degrees of freedom as the origins behind the errors plus that weight, so that a band from few origins is wider.
     * With no district error known, null: the prior as for other levels.
     */
    private static Band districtBand(IntervalModel model, int horizon, double forecast) {
        IntervalModel.Spread spread = model.spreadPerYear();
        if (spread.errors() == 0) {
            return null;
        }
        double priorSigma = width(BandPrior.band(BandLevel.DISTRICT, horizon, forecast)) / (2 * IntervalModel.Z90);
        double ownVariance = spread.meanSquarePerYear() * horizon * horizon;
        double sigma = Math.sqrt((DISTRICT_PRIOR_WEIGHT * priorSigma * priorSigma + spread.errors() * ownVariance)
                / (DISTRICT_PRIOR_WEIGHT + spread.errors()));
        double df = DISTRICT_PRIOR_WEIGHT + spread.origins();
        double half80 = IntervalModel.studentT(IntervalModel.Z90, df) * sigma;
        double half95 = IntervalModel.studentT(IntervalModel.Z975, df) * sigma;
        IntervalModel.Band band = IntervalModel.fromQuantiles(1, -half80, half80, -half95, half95);
        return new Band(band.lower80(), band.upper80(), band.lower95(), band.upper95(), Source.BACKTEST);
    }

    /**
     * How many errors' worth of weight the prior's own width keeps against a district's early errors: a district with
     * 20 of them moves halfway (in log terms) toward what they show, one with thousands all the way. Chosen on the
     * short-history cuts of the shipped histories (15 left Eau Claire's 4-year schools too narrow, 30 its 3-year
     * schools too wide), so their coverage is not an independent test of it.
     */
    static final double PRIOR_WEIGHT = 20;

    private static Band scaledPrior(
            IntervalModel model, IntervalModel early, BandLevel level, int horizon, double forecast) {
        IntervalModel.Band prior = BandPrior.band(level, horizon, forecast);
        int tested = model.longestCoveredBelow(horizon);
        double scale = 1;
        if (tested > 0) {
            IntervalModel.Band ownThen = model.band(tested, forecast);
            IntervalModel.Band priorThen = BandPrior.band(level, tested, forecast);
            scale = width(ownThen) / width(priorThen);
        } else if (early != null) {
            scale = earlyScale(early, level, forecast);
        }
        return new Band(
                Math.pow(prior.lower80(), scale),
                Math.pow(prior.upper80(), scale),
                Math.pow(prior.lower95(), scale),
                Math.pow(prior.upper95(), scale),
                Source.PRIOR);
    }

    /**
     * How wide a district's early errors (one year ahead, from origins too early for a backtest) ran against the
     * prior's, like for like: of the forecast's size class where there are enough, else of every size against the
     * prior of every size. The ratio is the geometric mean of the 80% and 95% widths' (so the tails count too), drawn
     * toward 1 by {@link #PRIOR_WEIGHT}; with too few errors, 1.
     */
    static double earlyScale(IntervalModel early, BandLevel level, double forecast) {
        int size = level.sizeClass(forecast);
        IntervalModel.Band priorThen = BandPrior.bandOfSize(level, 1, size);
        if (early.count(1, size) < IntervalModel.MINIMUM_ERRORS || priorThen == null) {
            size = -1;
            priorThen = BandPrior.bandOfSize(level, 1, -1);
        }
        int n = early.count(1, size);
        if (n < IntervalModel.MINIMUM_ERRORS) {
            return 1;
        }
        IntervalModel.Band own = early.bandOf(1, size);
        double ratio = Math.sqrt(width(own) / width(priorThen) * width95(own) / width95(priorThen));
        return Math.pow(ratio, n / (n + PRIOR_WEIGHT));
    }

    private static double width95(IntervalModel.Band band) {
        return Math.log(band.upper95()) - Math.log(band.lower95());
    }

    private static double width(IntervalModel.Band band) {
        return Math.log(band.upper80()) - Math.log(band.lower80());
    }
}
