package org.lodestar.execution.updates;

import org.lodestar.execution.checkin.ItemKind;

/**
 * A district's update cadence per tier, and when reminders and escalations go out.
 *
 * @param reminderDays days before the due day that a reminder goes out
 * @param escalationDays days past the due day that the planners are told
 * @param version the saved version this was read at; a save of an older version is refused
 */
public record UpdateSettings(
        Cadence actions, Cadence projects, Cadence kpis, int reminderDays, int escalationDays, int version) {

    public static final UpdateSettings DEFAULTS =
            new UpdateSettings(Cadence.MONTHLY, Cadence.MONTHLY, Cadence.QUARTERLY, 3, 7, 0);

    public Cadence of(ItemKind kind) {
        return switch (kind) {
            case ACTION -> actions;
            case PROJECT -> projects;
            case KPI -> kpis;
        };
    }
}
