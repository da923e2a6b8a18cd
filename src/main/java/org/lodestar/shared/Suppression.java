package org.lodestar.shared;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Small-n suppression for public reporting.
 *
 * <p>Primary rule: a value computed from fewer than the minimum n students is hidden. Complementary rule: the cells of
 * a family (race/ethnicity groups, or the schools of a district) together with what the family leaves out make up the
 * total, so whatever is not shown can be derived as "total minus what is shown". The students behind what is not shown
 * must therefore number zero or at least the minimum n; while they are fewer, the smallest shown cell of the family is
 * hidden too. A value with no n (a budget, a count of staff) is not about students and is never hidden.
 */
public final class Suppression {

    private Suppression() {}

    /**
     * The keys of the cells to hide.
     *
     * @param minimumN the district's minimum n
     * @param totalN students behind the total, or null when the total has no n
     * @param counts students behind each cell (null when the value has no n)
     * @param families groups of cell keys that, with whatever they leave out, make up the total
     * @return the cells to hide; every cell when the total itself must be hidden
     */
    public static <K> Set<K> hiddenCells(int minimumN, Integer totalN, Map<K, Integer> counts, List<List<K>> families) {
        Set<K> hidden = new HashSet<>();
        if (totalN != null && totalN < minimumN) {
            counts.forEach((key, n) -> {
                if (n != null) {
                    hidden.add(key);
                }
            });
            return hidden;
        }
        counts.forEach((key, n) -> {
            if (n != null && n < minimumN) {
                hidden.add(key);
            }
        });
        if (totalN == null) {
            return hidden;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<K> family : families) {
                int shown = family.stream()
                        .filter(key -> !hidden.contains(key) && counts.get(key) != null)
                        .mapToInt(counts::get)
                        .sum();
                int notShown = totalN - shown;
                if (notShown > 0 && notShown < minimumN) {
                    Optional<K> smallest = family.stream()
                            .filter(key -> !hidden.contains(key))
                            .filter(key -> counts.get(key) != null && counts.get(key) > 0)
                            .min(Comparator.comparingInt(counts::get));
                    if (smallest.isPresent()) {
                        hidden.add(smallest.get());
                        changed = true;
                    }
                }
            }
        }
        return hidden;
    }

    /** Whether a lone value (no family to derive it from) must be hidden. */
    public static boolean hides(int minimumN, Integer n) {
        return n != null && n < minimumN;
    }
}
