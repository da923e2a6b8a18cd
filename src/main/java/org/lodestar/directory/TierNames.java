package org.lodestar.directory;

/** The district's own names for the tiers of its plans ("Priority", "Objective", "Initiative"...). */
public record TierNames(String goal, String outcome, String kpi, String strategy, String project) {}
