package org.lodestar.execution.review;

/**
 * How a row of a quarterly review stood when it was prepared: a KPI's or goal's status, or an action's from its
 * projects (the six statuses, and no data for a KPI without a value or an action without projects).
 */
public enum ReviewStatus {
    NOT_STARTED,
    ON_TRACK,
    AT_RISK,
    OFF_TRACK,
    DONE,
    BLOCKED,
    NO_DATA
}
