package org.lodestar.planning;

/**
 * The tiers of a plan that planning owns: goal -> outcome and goal -> strategy -> project. (KPIs hang under outcomes
 * but belong to measures.) The table and parent column names are fixed here, never taken from a request.
 */
public enum Tier {
    GOAL("goal", "plan_id"),
    OUTCOME("outcome", "goal_id"),
    STRATEGY("strategy", "goal_id"),
    PROJECT("project", "strategy_id");

    private final String table;
    private final String parentColumn;

    Tier(String table, String parentColumn) {
        this.table = table;
        this.parentColumn = parentColumn;
    }

    public String table() {
        return table;
    }

    public String parentColumn() {
        return parentColumn;
    }

    /** The tier one level up, whose row a new item of this tier hangs under (null for goals, which hang on a plan). */
    public Tier parent() {
        return switch (this) {
            case GOAL -> null;
            case OUTCOME, STRATEGY -> GOAL;
            case PROJECT -> STRATEGY;
        };
    }

    /** The tier named in a URL; an unknown name is reported like an unknown item. */
    public static Tier fromPath(String segment) {
        for (Tier tier : values()) {
            if (tier.path().equals(segment)) {
                return tier;
            }
        }
        throw new org.lodestar.shared.NotFoundException("tier");
    }

    public String path() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
