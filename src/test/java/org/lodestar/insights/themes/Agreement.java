package org.lodestar.insights.themes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How well themes agree with labels a person gave, three ways.
 *
 * <ul>
 *   <li>The adjusted Rand index ({@link AdjustedRandIndex}).
 *   <li>The majority share: the share of comments whose theme is their label's majority theme, the theme holding the
 *       most comments of that label (the lower theme number on a tie). Several labels may share a majority theme, so
 *       one catch-all theme scores well: with a single theme it is 1.
 *   <li>The matched share: the same, but each theme the majority theme of one label at most: labels and themes are
 *       matched greedily, the largest cell of the label-by-theme table first, each label and each theme once; a
 *       comment counts when its theme is its label's match. It is the clustering accuracy of the literature, with a
 *       greedy match in place of the optimal one.
 * </ul>
 *
 * All three compare two methods only at the same number of themes.
 */
public record Agreement(double adjustedRand, double majorityShare, double matchedShare) {

    public static Agreement of(List<String> labels, List<Integer> themes) {
        Map<String, Map<Integer, Integer>> counts = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            counts.computeIfAbsent(labels.get(i), label -> new HashMap<>()).merge(themes.get(i), 1, Integer::sum);
        }
        Map<String, Integer> majority = new HashMap<>();
        counts.forEach((label, byTheme) -> majority.put(
                label,
                byTheme.entrySet().stream()
                        .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(entry -> -entry.getKey()))
                        .orElseThrow()
                        .getKey()));

        record Cell(String label, int theme, int count) {}
        List<Cell> cells = new ArrayList<>();
        counts.forEach((label, byTheme) -> byTheme.forEach((theme, n) -> cells.add(new Cell(label, theme, n))));
        cells.sort((a, b) -> a.count() != b.count()
                ? Integer.compare(b.count(), a.count())
                : a.label().equals(b.label())
                        ? Integer.compare(a.theme(), b.theme())
                        : a.label().compareTo(b.label()));
        Map<String, Integer> match = new HashMap<>();
        Set<Integer> taken = new HashSet<>();
        for (Cell cell : cells) {
            if (!match.containsKey(cell.label()) && !taken.contains(cell.theme())) {
                match.put(cell.label(), cell.theme());
                taken.add(cell.theme());
            }
        }

        int inMajority = 0;
        int inMatch = 0;
        for (int i = 0; i < labels.size(); i++) {
            if (themes.get(i).equals(majority.get(labels.get(i)))) {
                inMajority++;
            }
            if (themes.get(i).equals(match.get(labels.get(i)))) {
                inMatch++;
            }
        }
        double n = labels.size();
        return new Agreement(AdjustedRandIndex.of(labels, themes), inMajority / n, inMatch / n);
    }
}
