package org.lodestar.measures.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.measures.Kpi;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.NotFoundException;

/**
 * Where one person may record KPIs' values and for which school years, judged from each KPI's plan. Many values of few
 * KPIs (an import, a bulk write) look up each outcome's plan once and the district's calendar once, not once per
 * value. Made for one request and then dropped: it remembers what it looked up.
 */
public final class RecordingRules {

    private final SignedInUser user;
    private final PlanningApi planning;
    private final DirectoryApi directory;
    private final Map<UUID, PlanSummary> plansByOutcome = new HashMap<>();
    private Integer underWay;

    RecordingRules(SignedInUser user, PlanningApi planning, DirectoryApi directory) {
        this.user = user;
        this.planning = planning;
        this.directory = directory;
    }

    /**
     * Recording the KPI's value for a school (null: the district). A school plan's KPI takes values for that school
     * only, so a contributor at one school cannot write into another school's plan.
     */
    public boolean mayRecord(Kpi kpi, UUID schoolId) {
        PlanSummary plan = plan(kpi);
        return (plan.districtPlan() || plan.schoolId().equals(schoolId)) && user.canRecordMeasurements(schoolId);
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
