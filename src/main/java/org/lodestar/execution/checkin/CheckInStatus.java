package org.lodestar.execution.checkin;

/** The status an owner reports in a check-in. */
public enum CheckInStatus {
    NOT_STARTED,
    ON_TRACK,
    AT_RISK,
    OFF_TRACK,
    DONE,
    BLOCKED
}
