package org.lodestar.platform.audit;

import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.AuditableChanges;
import org.lodestar.shared.DistrictChanges;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts every audited change of a district in {@code district_change}. Every change is audited, so this is what a
 * cache of a district's pages is keyed by. The count is written once per transaction and district, just before the
 * commit: the row is then locked only for the commit itself, so a long import does not hold back every other change of
 * its district, and a rolled-back change counts nothing.
 */
@Component
class ChangeCounter implements DistrictChanges {

    private final JdbcClient jdbc;

    ChangeCounter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(AuditableChange change) {
        count(change.districtId());
    }

    /** A batch of changes raises each of its districts' counts once, like a single change. */
    @EventListener
    void on(AuditableChanges batch) {
        batch.changes().stream().map(AuditableChange::districtId).distinct().forEach(this::count);
    }

    @Override
    public OptionalLong version(UUID districtId) {
        if (pending().contains(districtId)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(jdbc.sql("select version from district_change where district_id = ?")
                .param(districtId)
                .query(Long.class)
                .optional()
                .orElse(0L));
    }

    @Override
    public void count(UUID districtId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            increment(districtId);
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.districts.add(districtId);
    }

    private Set<UUID> pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Set.of();
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        return pending == null ? Set.of() : pending.districts;
    }

    private void increment(UUID districtId) {
        jdbc.sql("""
                        insert into district_change (district_id, version) values (?, 1)
                        on conflict (district_id) do update set version = district_change.version + 1""").param(districtId).update();
    }

    /** The districts changed in the current transaction, counted once each before it commits. */
    private final class Pending implements TransactionSynchronization {

        final Set<UUID> districts = new HashSet<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            // in a fixed order, so that two transactions changing the same districts cannot deadlock on their rows
            districts.stream().sorted().forEach(ChangeCounter.this::increment);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(ChangeCounter.this);
        }
    }
}
