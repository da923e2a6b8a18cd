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
 * <p>Primary rule: a value about students computed from fewer than the minimum n students is hidden, and so is one
 * whose n is missing: an unknown n is never taken to be large enough. Complementary rule: the cells of a family
 * (race/ethnicity groups, or the schools of a district) together with what the family leaves out make up the total,
 * so whatever is not shown can be derived as "total minus what is shown". The students behind what is not shown must
 * therefore number zero or at least the minimum n; while they are fewer, the smallest shown cell of the family is
 * hidden too. When the total's own n is unknown that check cannot be made, so every cell is hidden. A value that is
 * not about students (a budget, a count of staff) is never hidden.
 */
public final class Suppression {

    private Suppression() {}

    /**
     * The keys of the cells to hide.
     *
     * @param minimumN the district's minimum n
     * @param aboutStudents whether the values are about students; when not, nothing is hidden
     * @param totalN students behind the total, or null when unknown
     * @param counts students behind each cell (null when unknown)
     * @param families groups of cell keys that, with whatever they leave out, make up the total
     * @return the cells to hide; every cell when the total itself must be hidden or its n is unknown
     */
    public static <K> Set<K> hiddenCells(
            int minimumN, boolean aboutStudents, Integer totalN, Map<K, Integer> counts, List<List<K>> families) {
        Set<K> hidden = new HashSet<>();
        if (!aboutStudents) {
            return hidden;
        }
        if (hides(minimumN, true, totalN)) {
            hidden.addAll(counts.keySet());
            return hidden;
        }
        counts.forEach((key, n) -> {
            if (hides(minimumN, true, n)) {
                hidden.add(key);
            }
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<K> family : families) {
                int shown = family.stream()
                        .filter(key -> !hidden.contains(key))
                        .mapToInt(counts::get)
                        .sum();
                int notShown = totalN - shown;
                if (notShown > 0 && notShown < minimumN) {
                    Optional<K> smallest = family.stream()
                            .filter(key -> !hidden.contains(key))
                            .filter(key -> counts.get(key) > 0)
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

    /** Whether a lone value (no family to derive it from) must be hidden: about students, and n small or unknown. */
    public static boolean hides(int minimumN, boolean aboutStudents, Integer n) {
        return aboutStudents && (n == null || n < minimumN);
    }
}
