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

    public IntervalModel model(BandLevel level) {
        return models.get(level);
    }

    /**
     * The band at a level: from that level's own errors of the horizon; else the prior's, scaled by how the district's
     * own errors compared with the prior's at the longest horizon its history could test (a district steadier than
     * the ones the prior was learned on keeps its narrower bands further ahead); else the prior as it is.
     */
    public Band band(BandLevel level, int horizon, double forecast) {
        return worked.computeIfAbsent((horizon * 16 + level.sizeClass(forecast)) * 4 + level.ordinal(), key -> {
            IntervalModel model = models.get(level);
            IntervalModel.Band own = model.band(horizon, forecast);
            if (own != null) {
                return new Band(own.lower80(), own.upper80(), own.lower95(), own.upper95(), Source.BACKTEST);
            }
            return scaledPrior(model, level, horizon, forecast);
        });
    }

    private static Band scaledPrior(IntervalModel model, BandLevel level, int horizon, double forecast) {
        IntervalModel.Band prior = BandPrior.band(level, horizon, forecast);
        int tested = model.longestCoveredBelow(horizon);
        double scale = 1;
        if (tested > 0) {
            IntervalModel.Band ownThen = model.band(tested, forecast);
            IntervalModel.Band priorThen = BandPrior.band(level, tested, forecast);
            scale = width(ownThen) / width(priorThen);
        }
        return new Band(
                Math.pow(prior.lower80(), scale),
                Math.pow(prior.upper80(), scale),
                Math.pow(prior.lower95(), scale),
                Math.pow(prior.upper95(), scale),
                Source.PRIOR);
    }

    private static double width(IntervalModel.Band band) {
        return Math.log(band.upper80()) - Math.log(band.lower80());
    }
}
