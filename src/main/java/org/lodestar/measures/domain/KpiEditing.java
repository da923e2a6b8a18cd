package org.lodestar.measures.domain;

import java.util.ArrayList;
import java.util.HashMap;
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
import org.lodestar.planning.Outcome;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.AuditValue;
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
        return recordableYears(districtId, planning.plan(districtId, outcome.planId()));
    }

    /** The school years a value of the plan's KPIs can be recorded for. */
    public ValueRule.RecordableYears recordableYears(UUID districtId, PlanSummary plan) {
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
        return mayEdit(user, planning.plan(user.districtId(), outcome.planId()));
    }

    /** Whether the person may edit the plan's KPIs. */
    public static boolean mayEdit(SignedInUser user, PlanSummary plan) {
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
        return schoolId -> mayRecord(user, plan, schoolId);
    }

    /** Whether the person may record values of the plan's KPIs for a school (null: the district). */
    public static boolean mayRecord(SignedInUser user, PlanSummary plan, UUID schoolId) {
        return (plan.districtPlan() || plan.schoolId().equals(schoolId)) && user.canRecordMeasurements(schoolId);
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
        events.publishEvent((before.isPresent()
                        ? AuditableChange.updated(
                                user.districtId(),
                                user.email(),
                                "KPI",
                                kpi.id(),
                                kpi.name(),
                                fields(before.get()),
                                fields(kpi))
                        : AuditableChange.created(
                                user.districtId(), user.email(), "KPI", kpi.id(), kpi.name(), fields(kpi)))
                .within(planOf(user.districtId(), kpi.outcomeId())));
    }

    public void delete(SignedInUser user, UUID kpiId) {
        Kpi kpi = store.find(user.districtId(), kpiId).orElseThrow(() -> new NotFoundException("kpi"));
        ForbiddenException.unless(canEdit(user, kpi.outcomeId()));
        store.delete(user.districtId(), kpiId);
        events.publishEvent(
                AuditableChange.deleted(user.districtId(), user.email(), "KPI", kpiId, kpi.name(), fields(kpi))
                        .within(planOf(user.districtId(), kpi.outcomeId())));
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
                        kpi.name(),
                        Map.of("history.field.position", AuditValue.number(kpi.position())),
                        Map.of(
                                "history.field.moved",
                                AuditValue.choice(up ? "history.value.up" : "history.value.down")))
                .within(planOf(user.districtId(), kpi.outcomeId())));
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
        // an import writes many values of few KPIs: each KPI and its plan are looked up once
        Map<UUID, Kpi> kpis = new HashMap<>();
        Map<UUID, UUID> plans = new HashMap<>();
        for (Measurement m : measurements) {
            var before = store.find(user.districtId(), m);
            store.upsert(user.districtId(), m, user.email());
            Kpi kpi = kpis.computeIfAbsent(
                    m.kpiId(), id -> store.find(user.districtId(), id).orElseThrow(() -> new NotFoundException("kpi")));
            UUID planId = plans.computeIfAbsent(kpi.outcomeId(), outcomeId -> planOf(user.districtId(), outcomeId));
            String summary = kpi.name();
            events.publishEvent((before.isPresent()
                            ? AuditableChange.updated(
                                    user.districtId(),
                                    user.email(),
                                    "Measurement",
                                    m.kpiId(),
                                    summary,
                                    fields(before.get()),
                                    fields(m))
                            : AuditableChange.created(
                                    user.districtId(), user.email(), "Measurement", m.kpiId(), summary, fields(m)))
                    .within(planId));
        }
    }

    /** The plan of an outcome's KPIs, so that their changes and values show in the plan's history. */
    private UUID planOf(UUID districtId, UUID outcomeId) {
        return planning.outcome(districtId, outcomeId).map(Outcome::planId).orElse(null);
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

    private static Map<String, Object> fields(Kpi kpi) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("history.field.name", AuditValue.text(kpi.name()));
        if (kpi.nameTranslation() != null) {
            map.put("history.field.nameTranslation", AuditValue.text(kpi.nameTranslation()));
        }
        if (!kpi.schoolLevels().isEmpty()) {
            map.put(
                    "history.field.schoolLevels",
                    AuditValue.list(kpi.schoolLevels().stream()
                            .sorted()
                            .map(level -> AuditValue.choice("level.", level))
                            .toList()));
        }
        map.put("history.field.unit", AuditValue.choice("unit.", kpi.unit()));
        map.put("history.field.direction", AuditValue.choice("direction.", kpi.direction()));
        map.put("history.field.baseline", AuditValue.number(kpi.baselineValue()));
        map.put("history.field.baselineYear", AuditValue.schoolYear(kpi.baselineYear()));
        map.put("history.field.frequency", AuditValue.choice("frequency.", kpi.frequency()));
        map.put("history.field.dataSource", AuditValue.text(kpi.dataSource()));
        map.put("history.field.owner", AuditValue.person(kpi.ownerId()));
        map.put("history.field.byStudentGroup", AuditValue.yesNo(kpi.byStudentGroup()));
        map.put("history.field.aboutStudents", AuditValue.yesNo(kpi.aboutStudents()));
        map.put("history.field.published", AuditValue.yesNo(kpi.published()));
        List<AuditValue> targets = new ArrayList<>();
        kpi.targets()
                .forEach((year, value) ->
                        targets.add(AuditValue.list(AuditValue.schoolYear(year), AuditValue.number(value))));
        map.put("history.field.targets", AuditValue.list(targets));
        return map;
    }
}
