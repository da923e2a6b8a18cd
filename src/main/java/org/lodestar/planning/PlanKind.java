package org.lodestar.planning;

public enum PlanKind {
    STRATEGIC,
    IMPROVEMENT
}
