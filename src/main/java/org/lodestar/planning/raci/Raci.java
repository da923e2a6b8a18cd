package org.lodestar.planning.raci;

import java.util.List;
import java.util.UUID;

/**
 * The RACI chart of one action: the people holding letters on it, in the order they were given, and the version its
 * save checks (0 while nothing was ever saved).
 */
public record Raci(UUID strategyId, List<RaciEntry> entries, int version) {

    public Raci {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public static Raci empty(UUID strategyId) {
        return new Raci(strategyId, List.of(), 0);
    }

    /** How many people are Accountable: exactly one is the rule. */
    public long accountableCount() {
        return entries.stream().filter(RaciEntry::accountable).count();
    }

    /** Flagged: no Accountable, or more than one. Not refused, since plans are drafted in stages. */
    public boolean flagged() {
        return accountableCount() != 1;
    }

    public List<UUID> holding(RaciRole role) {
        return entries.stream()
                .filter(entry -> entry.holds(role))
                .map(RaciEntry::personId)
                .toList();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
