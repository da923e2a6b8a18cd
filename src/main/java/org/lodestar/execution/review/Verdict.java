package org.lodestar.execution.review;

/**
 * What the year-end evaluation says of a goal (met, partly met, not met) or decides for an action (continue, revise,
 * stop); revise and stop need a reason.
 */
public enum Verdict {
    MET,
    PARTLY_MET,
    NOT_MET,
    CONTINUE,
    REVISE,
    STOP;

    public boolean forGoals() {
        return ordinal() <= NOT_MET.ordinal();
    }

    public boolean needsReason() {
        return this == REVISE || this == STOP;
    }
}
