package org.lodestar.insights;

import java.util.UUID;

/**
 * Two texts found to say the same thing, by their ids, with how alike their meaning is: 1 for the same words, about
 * {@link InsightsApi#SAME_MEANING} for the least alike pair still taken as one.
 */
public record SimilarPair(UUID first, UUID second, double similarity) {}
