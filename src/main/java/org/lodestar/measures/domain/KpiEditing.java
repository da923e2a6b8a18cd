package org.lodestar.measures.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.Measurement;
import org.lodestar.measures.RecordedValue;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to KPIs and their measurements, checked against the person's rights and recorded in the audit log. */
@Service
@Transactional
public class KpiEditing {

    private final KpiStore store;
    private final PlanningApi planning;
    private final ApplicationEventPublisher events;
    private final DirectoryApi directory;

    KpiEditing(KpiStore store, PlanningApi planning, ApplicationEventPublisher events, DirectoryApi directory) {
        this.store = store;
        this.planning = planning;
        this.events = events;
        this.directory = directory;
    }

    /** The school years the KPI's values may be recorded for, by its plan's cycle and the district's calendar. */
    public ValueRule.RecordableYears recordableYears(UUID districtId, Kpi kpi) {
        var outcome = planning.outcome(districtId, kpi.outcomeId()).orElseThrow(() -> new NotFoundException("outcome"));
        var plan = planning.plan(districtId, outcome.planId());
        int underWay = directory
                .district(districtId)
                .schoolYearOf(java.time.LocalDate.now())
                .startYear();
        return new ValueRule.RecordableYears(
                plan.firstYear() - ValueRule.YEARS_BEFORE, Math.min(plan.lastYear(), underWay));
    }

    /** KPIs of a district plan are edited by planners; those of a school plan by that school's leaders too. */
    public boolean canEdit(SignedInUser user, UUID outcomeId) {
        var outcome =
                planning.outcome(user.districtId(), outcomeId).orElseThrow(() -> new NotFoundException("outcome"));
        var plan = planning.plan(user.districtId(), outcome.planId());
        return plan.districtPlan() ? user.canPlanForDistrict() : user.canLeadSchool(plan.schoolId());
    }

    /**
     * Recording a KPI's value for a school (null: the district). A school plan's KPI takes values for that school only,
     * so a contributor at one school cannot write into another school's plan.
     */
    public boolean canRecord(SignedInUser user, Kpi kpi, UUID schoolId) {
        return recordingRights(user, kpi).test(schoolId);
    }

    /** Where the person may record the KPI's values (null: the district), judged with one look-up of its plan. */
    public Predicate<UUID> recordingRights(SignedInUser user, Kpi kpi) {
        var outcome = planning.outcome(user.districtId(), kpi.outcomeId())
                .orElseThrow(() -> new NotFoundException("outcome"));
        var plan = planning.plan(user.districtId(), outcome.planId());
        return schoolId ->
                (plan.districtPlan() || plan.schoolId().equals(schoolId)) && user.canRecordMeasurements(schoolId);
    }

    public void save(SignedInUser user, Kpi kpi) {
        ForbiddenException.unless(canEdit(user, kpi.outcomeId()));
        var before = store.find(user.districtId(), kpi.id());
        if (before.isPresent() && !before.get().outcomeId().equals(kpi.outcomeId())) {
            throw new ForbiddenException();
        }
        if (before.isPresent() && before.get().published() != kpi.published()) {
            ForbiddenException.unless(user.canPlanForDistrict());
        }
        store.save(user.districtId(), kpi);
        events.publishEvent(
                before.isPresent()
                        ? AuditableChange.updated(
                                user.districtId(),
                                user.email(),
                                "KPI",
                                kpi.id(),
                                kpi.name(),
                                fields(before.get()),
                                fields(kpi))
                        : AuditableChange.created(
                                user.districtId(), user.email(), "KPI", kpi.id(), kpi.name(), fields(kpi)));
    }

    public void delete(SignedInUser user, UUID kpiId) {
        Kpi kpi = store.find(user.districtId(), kpiId).orElseThrow(() -> new NotFoundException("kpi"));
        ForbiddenException.unless(canEdit(user, kpi.outcomeId()));
        store.delete(user.districtId(), kpiId);
        events.publishEvent(
                AuditableChange.deleted(user.districtId(), user.email(), "KPI", kpiId, kpi.name(), fields(kpi)));
    }

    /** Swaps a KPI with its neighbour above (up) or below under the same outcome. */
    public void move(SignedInUser user, UUID kpiId, boolean up) {
        Kpi kpi = store.find(user.districtId(), kpiId).orElseThrow(() -> new NotFoundException("kpi"));
        ForbiddenException.unless(canEdit(user, kpi.outcomeId()));
        store.move(user.districtId(), kpi, up);
        events.publishEvent(AuditableChange.updated(
                user.districtId(),
                user.email(),
                "KPI",
                kpiId,
                kpi.name() + (up ? " moved up" : " moved down"),
                Map.of("position", kpi.position()),
                Map.of("moved", up ? "up" : "down")));
    }

    /**
     * Records values (all of them or, if any is refused, none), each replacing what was there for its cell: for imports
     * and API calls that say they overwrite; the audit log keeps every replaced value.
     */
    public void record(SignedInUser user, List<Measurement> measurements) {
        check(user, measurements);
        store.lockMeasurements(user.districtId());
        write(user, measurements);
    }

    /**
     * Records values unless one would replace a different value that its writer has not seen: {@code seenVersions}
     * holds, for each measurement (same order), the version of the recorded value the writer saw, or null when they saw
     * none. Then nothing is saved and the recorded values in the way are returned, so the writer can look and decide.
     */
    public List<RecordedValue> recordUnlessReplacingUnseen(
            SignedInUser user, List<Measurement> measurements, List<Integer> seenVersions) {
        check(user, measurements);
        store.lockMeasurements(user.districtId());
        List<RecordedValue> unseen = new java.util.ArrayList<>();
        for (int i = 0; i < measurements.size(); i++) {
            Measurement next = measurements.get(i);
            Integer seen = seenVersions.get(i);
            store.recorded(user.districtId(), next)
                    .filter(recorded -> !recorded.sameAs(next)
                            && !Integer.valueOf(recorded.version()).equals(seen))
                    .ifPresent(unseen::add);
        }
        if (unseen.isEmpty()) {
            write(user, measurements);
        }
        return unseen;
    }

    private void check(SignedInUser user, List<Measurement> measurements) {
        Map<UUID, ValueRule.RecordableYears> years = new java.util.HashMap<>();
        for (Measurement m : measurements) {
            Kpi kpi = store.find(user.districtId(), m.kpiId()).orElseThrow(() -> new NotFoundException("kpi"));
            ForbiddenException.unless(canRecord(user, kpi, m.schoolId()));
            if (ValueRule.value(kpi.unit(), m.value()).isPresent()
                    || years.computeIfAbsent(kpi.id(), id -> recordableYears(user.districtId(), kpi))
                            .check(m.schoolYear())
                            .isPresent()
                    || (m.n() != null && m.n() < 0)
                    || ValueRule.n(kpi, m.schoolId(), m.groupCode(), m.n()).isPresent()) {
                // the form, the import and the API say why before they get here; this keeps anything else out
                throw new IllegalArgumentException("value refused by ValueRule: " + m);
            }
        }
    }

    private void write(SignedInUser user, List<Measurement> measurements) {
        for (Measurement m : measurements) {
            var before = store.find(user.districtId(), m);
            store.upsert(user.districtId(), m, user.email());
            String summary = m.schoolYear() + "/" + m.period() + " " + m.groupCode();
            events.publishEvent(
                    before.isPresent()
                            ? AuditableChange.updated(
                                    user.districtId(),
                                    user.email(),
                                    "Measurement",
                                    m.kpiId(),
                                    summary,
                                    fields(before.get()),
                                    fields(m))
                            : AuditableChange.created(
                                    user.districtId(), user.email(), "Measurement", m.kpiId(), summary, fields(m)));
        }
    }

    private static Map<String, Object> fields(Measurement m) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("schoolYear", m.schoolYear());
        map.put("period", m.period());
        map.put("school", String.valueOf(m.schoolId()));
        map.put("group", m.groupCode());
        map.put("value", m.value().toPlainString());
        map.put("n", String.valueOf(m.n()));
        return map;
    }

    private static Map<String, Object> fields(Kpi kpi) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", kpi.name());
        map.put("unit", kpi.unit().name());
        map.put("direction", kpi.direction().name());
        map.put("baseline", kpi.baselineValue().toPlainString() + " (" + kpi.baselineYear() + ")");
        map.put("frequency", kpi.frequency().name());
        map.put("dataSource", String.valueOf(kpi.dataSource()));
        map.put("owner", String.valueOf(kpi.ownerId()));
        map.put("byStudentGroup", kpi.byStudentGroup());
        map.put("aboutStudents", kpi.aboutStudents());
        map.put("published", kpi.published());
        Map<String, String> targets = new LinkedHashMap<>();
        kpi.targets().forEach((year, value) -> targets.put(String.valueOf(year), value.toPlainString()));
        map.put("targets", targets);
        return map;
    }
}
