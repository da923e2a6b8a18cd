package org.lodestar.measures.status;

public enum KpiStatus {
    ON_TRACK,
    AT_RISK,
    OFF_TRACK,
    NO_DATA
}
