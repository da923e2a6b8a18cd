package org.lodestar.measures.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.District;
import org.lodestar.directory.SignedInUser;
import org.lodestar.measures.Kpi;
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
    private final LockStore locks;

    KpiEditing(
            KpiStore store,
            PlanningApi planning,
            ApplicationEventPublisher events,
            DirectoryApi directory,
            LockStore locks) {
        this.store = store;
        this.planning = planning;
        this.events = events;
        this.directory = directory;
        this.locks = locks;
    }

    /** Rules for recording values as this person, to be asked about many values of few KPIs. */
    public RecordingRules recordingRules(SignedInUser user) {
        return new RecordingRules(user, planning, directory, () -> locks.of(user.districtId()));
    }

    /** The school years the KPI's values may be recorded for, by its plan's cycle and the district's calendar. */
    public ValueRule.RecordableYears recordableYears(UUID districtId, Kpi kpi) {
        var outcome = planning.outcome(districtId, kpi.outcomeId()).orElseThrow(() -> new NotFoundException("outcome"));
        return recordableYears(districtId, planning.plan(districtId, outcome.planId()));
    }

    /** The school years a value of the plan's KPIs can be recorded for. */
    public ValueRule.RecordableYears recordableYears(UUID districtId, PlanSummary plan) {
        return RecordingRules.years(plan, RecordingRules.underWay(directory, districtId));
    }

    /** The same, in a district read already. */
    public static ValueRule.RecordableYears recordableYears(District district, PlanSummary plan) {
        return RecordingRules.years(
                plan, district.schoolYearOf(java.time.LocalDate.now()).startYear());
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
        RecordingRules rules = recordingRules(user);
        rules.plan(kpi);
        return schoolId -> rules.mayRecord(kpi, schoolId);
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

    /** The plan of an outcome's KPIs, so that their changes and values show in the plan's history. */
    private UUID planOf(UUID districtId, UUID outcomeId) {
        return planning.outcome(districtId, outcomeId).map(Outcome::planId).orElse(null);
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
