package org.lodestar.measures.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lodestar.directory.SignedInUser;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.Measurement;
import org.lodestar.measures.RecordedValue;
import org.lodestar.measures.domain.MeasurementStore.Cell;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.AuditableChanges;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records KPIs' values, one or an import's many, all of them or none, checked against the person's rights and
 * {@link ValueRule}, each replaced value kept in the audit log. Set-based whatever the number of values: the KPIs,
 * their plans and the values already recorded are read once, the values written in chunks and the audit entries in
 * one batch.
 */
@Service
@Transactional
public class ValueRecording {

    private final KpiStore kpis;
    private final MeasurementStore values;
    private final KpiEditing editing;
    private final ApplicationEventPublisher events;

    ValueRecording(KpiStore kpis, MeasurementStore values, KpiEditing editing, ApplicationEventPublisher events) {
        this.kpis = kpis;
        this.values = values;
        this.editing = editing;
        this.events = events;
    }

    /**
     * Records values, each replacing what was there for its cell: for imports and API calls that say they overwrite;
     * the audit log keeps every replaced value.
     */
    public void record(SignedInUser user, List<Measurement> measurements) {
        record(user, measurements, null);
    }

    /**
     * The same, by a district admin giving {@code lockReason} for values of a locked quarter (null or blank: none
     * given, and then such values are refused); the reason is kept with each locked value's audit entry.
     */
    public void record(SignedInUser user, List<Measurement> measurements, String lockReason) {
        Checked checked = check(user, measurements, lockReason);
        values.lock(user.districtId());
        write(user, measurements, checked, values.recorded(user.districtId(), measurements), lockReason);
    }

    /**
     * Records values unless one would replace a different value that its writer has not seen: {@code seenVersions}
     * holds, for each measurement (same order), the version of the recorded value the writer saw, or null when they saw
     * none. Then nothing is saved and the recorded values in the way are returned, so the writer can look and decide.
     */
    public List<RecordedValue> recordUnlessReplacingUnseen(
            SignedInUser user, List<Measurement> measurements, List<Integer> seenVersions) {
        return recordUnlessReplacingUnseen(user, measurements, seenVersions, null);
    }

    /** The same, with an admin's reason for values of a locked quarter (see {@link #record(SignedInUser, List, String)}). */
    public List<RecordedValue> recordUnlessReplacingUnseen(
            SignedInUser user, List<Measurement> measurements, List<Integer> seenVersions, String lockReason) {
        Checked checked = check(user, measurements, lockReason);
        values.lock(user.districtId());
        Map<Cell, RecordedValue> recorded = values.recorded(user.districtId(), measurements);
        List<RecordedValue> unseen = new ArrayList<>();
        for (int i = 0; i < measurements.size(); i++) {
            Measurement next = measurements.get(i);
            RecordedValue inTheWay = recorded.get(Cell.of(next));
            if (inTheWay != null
                    && !inTheWay.sameAs(next)
                    && !Integer.valueOf(inTheWay.version()).equals(seenVersions.get(i))) {
                unseen.add(inTheWay);
            }
        }
        if (unseen.isEmpty()) {
            write(user, measurements, checked, recorded, lockReason);
        }
        return unseen;
    }

    /** The KPIs of checked values, and the rules they were checked by (which know each KPI's plan). */
    private record Checked(Map<UUID, Kpi> kpis, RecordingRules rules) {}

    private Checked check(SignedInUser user, List<Measurement> measurements, String lockReason) {
        Map<UUID, Kpi> found = kpis.find(
                user.districtId(), measurements.stream().map(Measurement::kpiId).collect(Collectors.toSet()));
        RecordingRules rules = editing.recordingRules(user);
        for (Measurement m : measurements) {
            Kpi kpi = found.get(m.kpiId());
            if (kpi == null) {
                throw new NotFoundException("kpi");
            }
            ForbiddenException.unless(rules.mayRecord(kpi, m.schoolId()));
            if (ValueRule.value(kpi.unit(), m.value()).isPresent()
                    || rules.years(kpi).check(m.schoolYear()).isPresent()
                    || rules.lock(kpi, m.schoolYear(), m.period(), lockReason).isPresent()
                    || (m.n() != null && m.n() < 0)
                    || ValueRule.n(kpi, m.schoolId(), m.groupCode(), m.n()).isPresent()) {
                // the form, the import and the API say why before they get here; this keeps anything else out
                throw new IllegalArgumentException("value refused by ValueRule: " + m);
            }
        }
        return new Checked(found, rules);
    }

    /**
     * Writes the values and one audit entry for each, created or replacing what its cell held (a cell given twice is
     * audited twice, as two writes one after the other would be, and holds the later value).
     */
    private void write(
            SignedInUser user,
            List<Measurement> measurements,
            Checked checked,
            Map<Cell, RecordedValue> recorded,
            String lockReason) {
        Map<Cell, Measurement> held = new HashMap<>();
        recorded.forEach((cell, value) -> held.put(cell, value.measurement()));
        Map<Cell, Measurement> written = new LinkedHashMap<>();
        List<AuditableChange> changes = new ArrayList<>();
        for (Measurement m : measurements) {
            Cell cell = Cell.of(m);
            Measurement before = held.put(cell, m);
            written.put(cell, m);
            Kpi kpi = checked.kpis().get(m.kpiId());
            Map<String, Object> after = fields(m);
            if (checked.rules().locked(kpi, m.schoolYear(), m.period()).isPresent()) {
                // an admin's change of a locked quarter says why, in the history of the value
                after.put("history.field.lockReason", AuditValue.text(lockReason.strip()));
            }
            changes.add((before != null
                            ? AuditableChange.updated(
                                    user.districtId(),
                                    user.email(),
                                    "Measurement",
                                    m.kpiId(),
                                    kpi.name(),
                                    fields(before),
                                    after)
                            : AuditableChange.created(
                                    user.districtId(), user.email(), "Measurement", m.kpiId(), kpi.name(), after))
                    .within(checked.rules().plan(kpi).id()));
        }
        values.upsert(user.districtId(), List.copyOf(written.values()), user.email());
        events.publishEvent(new AuditableChanges(changes));
    }

    private static Map<String, Object> fields(Measurement m) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("history.field.schoolYear", AuditValue.schoolYear(m.schoolYear()));
        // period 0 is the whole school year, the only period of an annual KPI
        map.put(
                "history.field.period",
                m.period() == 0 ? AuditValue.choice("history.value.wholeYear") : AuditValue.number(m.period()));
        map.put(
                "history.field.school",
                m.schoolId() == null
                        ? AuditValue.choice("history.value.wholeDistrict")
                        : AuditValue.school(m.schoolId()));
        map.put(
                "history.field.group",
                m.groupCode() == null
                        ? AuditValue.choice("history.value.allStudents")
                        : AuditValue.group(m.groupCode()));
        map.put("history.field.value", AuditValue.number(m.value()));
        map.put("history.field.n", AuditValue.number(m.n()));
        return map;
    }
}
