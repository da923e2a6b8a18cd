package org.lodestar.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A KPI whose outcome was removed from the plan: kept, with its measurements, but off every scorecard.
 *
 * @param measurements how many values it keeps
 */
public record ArchivedKpi(UUID id, String name, Instant archivedAt, String archivedBy, int measurements) {

    /** The day it was archived, in UTC: the precision the list shows. */
    public LocalDate archivedOn() {
        return LocalDate.ofInstant(archivedAt, ZoneOffset.UTC);
    }
}
