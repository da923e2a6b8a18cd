package org.lodestar.needs.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The gaps of a set of values (groups of a school, schools of the district) against one reference or against the best
 * of them, direction-aware.
 */
public final class Gaps {

    private Gaps() {}

    /** Each value against one reference: each group against all students, each school against the district, or a state value. */
    public static <K> Map<K, Gap> against(Map<K, Double> values, double reference, boolean higherIsBetter) {
        Map<K, Gap> gaps = new LinkedHashMap<>();
        values.forEach((key, value) -> gaps.put(key, Gap.of(value, reference, higherIsBetter)));
        return gaps;
    }

    /** Each value against the best of them (the highest, or the lowest when lower is better); the best's gap is 0. */
    public static <K> Map<K, Gap> againstBest(Map<K, Double> values, boolean higherIsBetter) {
        return best(values, higherIsBetter)
                .map(best -> against(values, best, higherIsBetter))
                .orElseGet(LinkedHashMap::new);
    }

    /** The best of the values in the metric's direction, empty when there are none. */
    public static <K> Optional<Double> best(Map<K, Double> values, boolean higherIsBetter) {
        return values.values().stream().reduce(higherIsBetter ? Math::max : Math::min);
    }
}
