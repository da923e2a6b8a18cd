package org.lodestar.execution;

/** Where a project or task stands: the six statuses its owner reports (issue 10). */
public enum ProjectStatus {
    NOT_STARTED,
    ON_TRACK,
    AT_RISK,
    OFF_TRACK,
    DONE,
    BLOCKED
}
