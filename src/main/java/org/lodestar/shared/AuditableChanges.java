package org.lodestar.shared;

import java.util.List;

/**
 * Many changes made at once (an import, a bulk write through the API), published as one event: the audit log keeps
 * each of them as its own entry, exactly as if each had been published alone, but writes them in one batch, and the
 * district's change counter is raised once.
 */
public record AuditableChanges(List<AuditableChange> changes) {

    public AuditableChanges {
        changes = List.copyOf(changes);
    }
}
