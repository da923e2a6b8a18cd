package org.lodestar.planning;

public enum ProjectStatus {
    NOT_STARTED,
    IN_PROGRESS,
    DONE,
    BLOCKED
}
