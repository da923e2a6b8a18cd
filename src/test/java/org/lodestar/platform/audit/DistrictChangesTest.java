package org.lodestar.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.DistrictChanges;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.lodestar.support.StatementCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** The version that caches of a district's pages are keyed by changes with every committed audited change. */
@LodestarTest
class DistrictChangesTest {

    @Autowired
    DistrictChanges changes;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Fixtures fixtures;

    private AuditableChange change(UUID district) {
        return AuditableChange.updated(district, "test", "Test", UUID.randomUUID(), "a change", Map.of(), Map.of());
    }

    private long version(UUID district) {
        return changes.version(district).orElseThrow();
    }

    @Test
    void aCommittedTransactionCountsOnceAndARolledBackOneNotAtAll() {
        UUID lakeview = fixtures.demoDistrict();
        UUID other = fixtures.otherDistrictUser("VIEWER").districtId();
        long before = version(lakeview);
        long otherBefore = version(other);

        transactions.executeWithoutResult(status -> {
            events.publishEvent(change(lakeview));
            events.publishEvent(change(lakeview));
            assertThat(changes.version(lakeview))
                    .as("not to be cached while uncommitted")
                    .isEqualTo(OptionalLong.empty());
            assertThat(changes.version(other)).hasValue(otherBefore);
        });
        assertThat(version(lakeview)).isEqualTo(before + 1);
        assertThat(version(other)).as("another district's changes are its own").isEqualTo(otherBefore);

        transactions.executeWithoutResult(status -> {
            events.publishEvent(change(lakeview));
            status.setRollbackOnly();
        });
        assertThat(version(lakeview)).isEqualTo(before + 1);
    }

    @Test
    void aChangeOutsideATransactionCountsAtOnce() {
        UUID lakeview = fixtures.demoDistrict();
        long before = version(lakeview);

        changes.count(lakeview);

        assertThat(version(lakeview)).isEqualTo(before + 1);
    }

    @Test
    void aVersionIsRememberedAMomentButAChangeOnThisNodeIsSeenAtOnce() throws Exception {
        UUID lakeview = fixtures.demoDistrict();
        long before = version(lakeview);
        var again = StatementCounter.count(() -> {
            for (int i = 0; i < 9; i++) {
                version(lakeview);
            }
            return version(lakeview);
        });
        assertThat(again.result()).isEqualTo(before);
        // read once a second at most (twice should the machine stall): not ten times
        assertThat(again.statements()).as("remembered for a second").isLessThanOrEqualTo(2);

        transactions.executeWithoutResult(status -> events.publishEvent(change(lakeview)));
        var changed = StatementCounter.count(() -> version(lakeview));

        assertThat(changed.result()).isEqualTo(before + 1);
        assertThat(changed.statements()).as("read again after a change here").isEqualTo(1);
        changes.count(lakeview);
        assertThat(version(lakeview)).isEqualTo(before + 2);
    }
}
