package org.lodestar.insights.themes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The adjusted Rand index of two partitions of the same items (Hubert and Arabie 1985, "Comparing partitions", Journal
 * of Classification 2, 193-218): the Rand index corrected for chance, 1 for identical partitions, about 0 for
 * independent ones. From the contingency table n(i,j), its row sums a(i) and column sums b(j), with C(x) = x(x-1)/2:
 * ARI = (Σ C(n(i,j)) - E) / ((Σ C(a(i)) + Σ C(b(j))) / 2 - E), where E = Σ C(a(i)) Σ C(b(j)) / C(n). Neither Hipparchus
 * nor Commons Math has it, so it is written here, checked on the examples of scikit-learn's documentation.
 */
final class AdjustedRandIndex {

    private AdjustedRandIndex() {}

    static <A, B> double of(List<A> first, List<B> second) {
        if (first.size() != second.size()) {
            throw new IllegalArgumentException("partitions of different items");
        }
        Map<A, Long> rows = new HashMap<>();
        Map<B, Long> columns = new HashMap<>();
        Map<List<Object>, Long> cells = new HashMap<>();
        for (int i = 0; i < first.size(); i++) {
            rows.merge(first.get(i), 1L, Long::sum);
            columns.merge(second.get(i), 1L, Long::sum);
            cells.merge(List.of(first.get(i), second.get(i)), 1L, Long::sum);
        }
        double index =
                cells.values().stream().mapToDouble(AdjustedRandIndex::pairs).sum();
        double rowPairs =
                rows.values().stream().mapToDouble(AdjustedRandIndex::pairs).sum();
        double columnPairs =
                columns.values().stream().mapToDouble(AdjustedRandIndex::pairs).sum();
        double expected = rowPairs * columnPairs / pairs(first.size());
        double max = (rowPairs + columnPairs) / 2;
        if (max == expected) {
            return 1.0; // both partitions put everything in one group, or each item alone: they agree
        }
        return (index - expected) / (max - expected);
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }
}
