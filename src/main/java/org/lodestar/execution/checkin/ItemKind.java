package org.lodestar.execution.checkin;

/** What a check-in is about: an action (planning's strategy), a project or a KPI; each tier has its own cadence. */
public enum ItemKind {
    ACTION,
    PROJECT,
    KPI;

    /** The lower-case name used in links ({@code project:...}) and message keys. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
