package org.lodestar.execution;

public enum ProjectStatus {
    NOT_STARTED,
    IN_PROGRESS,
    DONE,
    BLOCKED
}
