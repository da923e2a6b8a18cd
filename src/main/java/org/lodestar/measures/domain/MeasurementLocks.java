package org.lodestar.measures.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.LockedPeriod;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.AuditableChanges;
import org.lodestar.shared.SchoolQuarter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks of a quarter (or a whole school year) of KPIs' values, made when a plan's quarterly review is signed off or its
 * year-end evaluation completed; {@link LockedPeriods} says which values a lock covers and {@link RecordingRules} who
 * may still write them. A lock is made once, audited, and never lifted: an admin changes a locked value with a reason.
 */
@Service
@Transactional
public class MeasurementLocks {

    private final LockStore store;
    private final KpiStore kpis;
    private final KpiEditing editing;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MeasurementLocks(
            LockStore store, KpiStore kpis, KpiEditing editing, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.kpis = kpis;
        this.editing = editing;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Locks the quarter of those of the given KPIs the person may edit (a school's leader signing off a school's review
     * does not lock the district's KPIs it looked at); returns the KPIs locked now, leaving out those locked already.
     */
    public List<UUID> lock(SignedInUser user, Collection<UUID> kpiIds, SchoolQuarter quarter, UUID planId) {
        Map<UUID, Kpi> found = kpis.find(user.districtId(), kpiIds);
        List<UUID> locked = new ArrayList<>();
        List<AuditableChange> changes = new ArrayList<>();
        for (UUID kpiId : kpiIds) {
            Kpi kpi = found.get(kpiId);
            if (kpi == null
                    || !editing.canEdit(user, kpi.outcomeId())
                    || !store.insert(user.districtId(), kpiId, quarter, clock.instant(), user.email())) {
                continue;
            }
            locked.add(kpiId);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("history.field.schoolYear", AuditValue.schoolYear(quarter.schoolYear()));
            fields.put(
                    "history.field.quarter",
                    quarter.wholeYear()
                            ? AuditValue.choice("history.value.wholeYear")
                            : AuditValue.number(quarter.quarter()));
            changes.add(AuditableChange.created(
                            user.districtId(), user.email(), "MeasurementLock", kpiId, kpi.name(), fields)
                    .within(planId));
        }
        if (!changes.isEmpty()) {
            events.publishEvent(new AuditableChanges(changes));
        }
        return locked;
    }

    /** The locks of one KPI, the latest school year and quarter first. */
    @Transactional(readOnly = true)
    public List<LockedPeriod> ofKpi(UUID districtId, UUID kpiId) {
        return store.ofKpi(districtId, kpiId);
    }
}
