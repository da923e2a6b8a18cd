package org.lodestar.measures.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.measures.Kpi;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.NotFoundException;
import org.lodestar.shared.SchoolQuarter;
import org.lodestar.shared.SchoolYear;

/**
 * Where one person may record KPIs' values and for which school years, judged from each KPI's plan. Many values of few
 * KPIs (an import, a bulk write) look up each outcome's plan once and the district's calendar once, not once per
 * value. Made for one request and then dropped: it remembers what it looked up.
 */
public final class RecordingRules {

    private final SignedInUser user;
    private final PlanningApi planning;
    private final DirectoryApi directory;
    private final Supplier<LockedPeriods> lockReader;
    private final Map<UUID, PlanSummary> plansByOutcome = new HashMap<>();
    private Integer underWay;
    private LockedPeriods locks;

    RecordingRules(
            SignedInUser user, PlanningApi planning, DirectoryApi directory, Supplier<LockedPeriods> lockReader) {
        this.user = user;
        this.planning = planning;
        this.directory = directory;
        this.lockReader = lockReader;
    }

    /** The locked quarter (or whole year) a value of the KPI for this school year and period falls in, if any. */
    public Optional<SchoolQuarter> locked(Kpi kpi, int schoolYear, int period) {
        if (locks == null) {
            locks = lockReader.get();
        }
        return locks.lockedFor(kpi.id(), kpi.frequency(), schoolYear, period);
    }

    /**
     * Why this person may not write the value into a locked period: only a district admin may, and only with a reason
     * (blank: none given); empty when the period is not locked or the admin gave a reason.
     */
    public Optional<ValueRule.Refusal> lock(Kpi kpi, int schoolYear, int period, String reason) {
        Optional<SchoolQuarter> locked = locked(kpi, schoolYear, period);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        SchoolQuarter quarter = locked.get();
        List<Object> args = List.of(quarter.quarter(), new SchoolYear(schoolYear).toString());
        String year = quarter.wholeYear() ? ".year" : "";
        if (!user.isAdmin()) {
            return Optional.of(new ValueRule.Refusal("lock.refused" + year, args));
        }
        if (reason == null || reason.isBlank()) {
            return Optional.of(new ValueRule.Refusal("lock.reasonNeeded" + year, args));
        }
        return Optional.empty();
    }

    /**
     * Recording the KPI's value for a school (null: the district). A school plan's KPI takes values for that school
     * only, so a contributor at one school cannot write into another school's plan.
     */
    public boolean mayRecord(Kpi kpi, UUID schoolId) {
        return KpiEditing.mayRecord(user, plan(kpi), schoolId);
    }

    /** The school years the KPI's values may be recorded for, by its plan's cycle and the district's calendar. */
    public ValueRule.RecordableYears years(Kpi kpi) {
        if (underWay == null) {
            underWay = underWay(directory, user.districtId());
        }
        return years(plan(kpi), underWay);
    }

    /**
     * From {@link ValueRule#YEARS_BEFORE} years before the plan's first year to its last, never past the school year
     * {@code underWay}.
     */
    static ValueRule.RecordableYears years(PlanSummary plan, int underWay) {
        return new ValueRule.RecordableYears(
                plan.firstYear() - ValueRule.YEARS_BEFORE, Math.min(plan.lastYear(), underWay));
    }

    /** The school year under way in the district today. */
    static int underWay(DirectoryApi directory, UUID districtId) {
        return directory.district(districtId).schoolYearOf(LocalDate.now()).startYear();
    }

    /** The plan the KPI belongs to, so that its values show in the plan's history. */
    public PlanSummary plan(Kpi kpi) {
        return plansByOutcome.computeIfAbsent(kpi.outcomeId(), outcomeId -> {
            var outcome =
                    planning.outcome(user.districtId(), outcomeId).orElseThrow(() -> new NotFoundException("outcome"));
            return planning.plan(user.districtId(), outcome.planId());
        });
    }
}
