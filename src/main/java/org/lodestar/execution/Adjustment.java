package org.lodestar.execution;

/** The adjustment a quarterly review decides for a goal, action or KPI. */
public enum Adjustment {
    KEEP,
    CHANGE,
    STOP,
    ADD
}
