package org.lodestar.directory;

/** What a person may do, in the scope of a grant (the district or one school). */
public enum Role {
    DISTRICT_ADMIN,
    PLANNER,
    SCHOOL_LEADER,
    CONTRIBUTOR,
    VIEWER
}
