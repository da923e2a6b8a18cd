package org.lodestar.measures.status;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The path a KPI is meant to follow: from its baseline through its interim targets to its end target, straight
 * between one point and the next. Before the baseline it expects the baseline; after the last target, that target.
 */
public final class Trajectory {

    private final NavigableMap<Integer, Double> points = new TreeMap<>();

    /**
     * @param targets targets by school year (its fall year); a target in the baseline year replaces the baseline
     */
    public Trajectory(double baseline, int baselineYear, Map<Integer, Double> targets) {
        points.put(baselineYear, baseline);
        targets.forEach((year, value) -> {
            if (year >= baselineYear) {
                points.put(year, value);
            }
        });
    }

    /** The value expected in a school year. */
    public double expected(int year) {
        Map.Entry<Integer, Double> before = points.floorEntry(year);
        Map.Entry<Integer, Double> after = points.ceilingEntry(year);
        if (before == null) {
            return points.firstEntry().getValue();
        }
        if (after == null || after.getKey().equals(before.getKey())) {
            return before.getValue();
        }
        double share = (double) (year - before.getKey()) / (after.getKey() - before.getKey());
        return before.getValue() + share * (after.getValue() - before.getValue());
    }

    public boolean hasTargets() {
        return points.size() > 1;
    }
}
