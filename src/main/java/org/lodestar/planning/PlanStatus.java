package org.lodestar.planning;

public enum PlanStatus {
    DRAFT,
    ADOPTED,
    ARCHIVED
}
