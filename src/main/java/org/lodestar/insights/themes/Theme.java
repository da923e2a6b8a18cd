package org.lodestar.insights.themes;

import java.util.List;
import java.util.Map;

/**
 * One theme of a set of comments.
 *
 * @param number 1 for the largest theme, then by size
 * @param label its three most distinctive words (class-based TF-IDF), joined by ", "
 * @param size how many comments it holds, repeated texts each counted
 * @param representatives up to three comments of distinct texts, those closest to the theme's centre first
 * @param audienceShares the share (0 to 1) of each audience among its comments that name one; empty when none does
 */
public record Theme(
        int number, String label, int size, List<Comment> representatives, Map<String, Double> audienceShares) {}
