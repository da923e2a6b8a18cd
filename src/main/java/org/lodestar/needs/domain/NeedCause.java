package org.lodestar.needs.domain;

/**
 * A line of a need's root cause: a why and its because (five whys), or a cause in a category (fishbone).
 *
 * @param category the fishbone category, or null for five whys
 * @param why the question of a five-whys line, or null
 */
public record NeedCause(int position, Need.CauseCategory category, String why, String because) {}
