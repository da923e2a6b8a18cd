package org.lodestar.shared;

import java.util.OptionalLong;
import java.util.UUID;

/**
 * A number per district that changes with every committed {@link AuditableChange} of the district: what a cache of a
 * page computed from the district's data is keyed by, so that it is never served after a change. It lives in the
 * database, so several application nodes agree on it; reading it is one look-up by primary key.
 */
public interface DistrictChanges {

    /**
     * The district's current version; read it before the data it versions, never after. Empty while the current
     * transaction holds changes of the district that are not committed: what it would compute from them must not be
     * cached, since they may yet be rolled back.
     */
    OptionalLong version(UUID districtId);

    /**
     * Counts a change of the district: when the current transaction commits, or now outside one. Every
     * {@link AuditableChange} (and every batch of them, {@link AuditableChanges}) is counted by itself; only a writer that goes around the events (a test's SQL, a bulk
     * load) needs to call this.
     */
    void count(UUID districtId);
}
