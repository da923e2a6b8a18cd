package org.lodestar.planning.compliance;

/** What kind of money a district's own funding source is, when the district says. */
public enum FundKind {
    FEDERAL,
    STATE,
    LOCAL,
    GRANT,
    OTHER
}
