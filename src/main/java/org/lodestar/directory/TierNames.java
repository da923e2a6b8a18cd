package org.lodestar.directory;

/** The district's own names, in one language, for the tiers of its plans ("Priority", "Objective", "Initiative"...). */
public record TierNames(String goal, String outcome, String kpi, String strategy, String project) {

    public static final TierNames ENGLISH = new TierNames("Goal", "Outcome", "KPI", "Strategy", "Project");

    /** What Spanish-speaking districts call them. */
    public static final TierNames SPANISH = new TierNames("Meta", "Resultado", "Indicador", "Estrategia", "Proyecto");
}
