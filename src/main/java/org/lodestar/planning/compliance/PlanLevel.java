package org.lodestar.planning.compliance;

/** Which plan a framework or a component is written for. */
public enum PlanLevel {
    DISTRICT,
    SCHOOL
}
