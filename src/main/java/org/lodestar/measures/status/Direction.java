package org.lodestar.measures.status;

/** Whether a KPI improves as it rises (graduation rate) or as it falls (chronic absence). */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER
}
