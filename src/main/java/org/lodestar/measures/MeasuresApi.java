package org.lodestar.measures;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import org.lodestar.directory.SchoolLevel;
import org.lodestar.directory.SignedInUser;
import org.lodestar.measures.domain.KpiEditing;
import org.lodestar.measures.domain.KpiStore;
import org.lodestar.measures.domain.MeasurementLocks;
import org.lodestar.measures.domain.ValueRecording;
import org.lodestar.measures.status.Direction;
import org.lodestar.shared.Ids;
import org.lodestar.shared.SchoolQuarter;
import org.springframework.stereotype.Service;

/** What other modules may change in measures: KPIs and their values, with the same rights and audit as the pages. */
@Service
public class MeasuresApi {

    private final KpiEditing editing;
    private final ValueRecording recording;
    private final KpiStore kpis;
    private final MeasurementLocks locks;
    private final Scorecards scorecards;

    MeasuresApi(
            KpiEditing editing,
            ValueRecording recording,
            KpiStore kpis,
            MeasurementLocks locks,
            Scorecards scorecards) {
        this.editing = editing;
        this.recording = recording;
        this.kpis = kpis;
        this.locks = locks;
        this.scorecards = scorecards;
    }

    /**
     * Locks a quarter (or, quarter 0, the whole school year) of the given KPIs' values, those of them the person may
     * edit: from then on only a district admin records, replaces or imports their values of that period, giving a
     * reason. {@code planId}: the plan whose review locked them, for its history. Returns the KPIs locked now.
     */
    public List<UUID> lockPeriod(SignedInUser user, Collection<UUID> kpiIds, SchoolQuarter quarter, UUID planId) {
        return locks.lock(user, kpiIds, quarter, planId);
    }

    /** The locked periods of a KPI, the latest first. */
    public List<LockedPeriod> locks(UUID districtId, UUID kpiId) {
        return locks.ofKpi(districtId, kpiId);
    }

    /**
     * The KPIs of the outcomes as a review reads them (status, latest value, values and targets by year), for all
     * students at a school (null: the district).
     */
    public List<KpiReading> readingsOfOutcomes(UUID districtId, Collection<UUID> outcomeIds, UUID schoolId) {
        if (outcomeIds.isEmpty()) {
            return List.of();
        }
        return scorecards
                .overviews(
                        districtId,
                        scorecards.kpisOfOutcomes(districtId, outcomeIds),
                        schoolId,
                        org.lodestar.directory.StudentGroup.ALL)
                .stream()
                .map(KpiReading::of)
                .toList();
    }

    /**
     * Adds an annual KPI under an outcome; returns its id. {@code aboutStudents}: its values are rates or counts of
     * students, so each school or group value needs its n (false for budgets and staff counts).
     */
    public UUID addKpi(
            SignedInUser user,
            UUID outcomeId,
            String name,
            Kpi.Unit unit,
            boolean higherIsBetter,
            BigDecimal baseline,
            int baselineYear,
            String dataSource,
            boolean byStudentGroup,
            boolean aboutStudents,
            boolean published,
            SortedMap<Integer, BigDecimal> targets) {
        return addKpi(
                user,
                outcomeId,
                name,
                null,
                unit,
                higherIsBetter,
                baseline,
                baselineYear,
                dataSource,
                byStudentGroup,
                aboutStudents,
                Set.of(),
                published,
                targets);
    }

    /**
     * Adds an annual KPI named in the district's language and, translated, in the other one (null: not translated),
     * about the given levels of school (none: every school).
     */
    public UUID addKpi(
            SignedInUser user,
            UUID outcomeId,
            String name,
            String nameTranslation,
            Kpi.Unit unit,
            boolean higherIsBetter,
            BigDecimal baseline,
            int baselineYear,
            String dataSource,
            boolean byStudentGroup,
            boolean aboutStudents,
            Set<SchoolLevel> schoolLevels,
            boolean published,
            SortedMap<Integer, BigDecimal> targets) {
        UUID id = Ids.next();
        editing.save(
                user,
                new Kpi(
                        id,
                        outcomeId,
                        name,
                        nameTranslation,
                        unit,
                        higherIsBetter ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER,
                        baseline,
                        baselineYear,
                        Kpi.Frequency.ANNUAL,
                        dataSource,
                        null,
                        byStudentGroup,
                        aboutStudents,
                        schoolLevels,
                        published,
                        0,
                        targets,
                        0));
        return id;
    }

    /** Records values, all or none, each replacing what its cell held. */
    public void record(SignedInUser user, List<Measurement> values) {
        recording.record(user, values);
    }

    public Optional<Kpi> kpi(UUID districtId, UUID kpiId) {
        return kpis.find(districtId, kpiId);
    }

    /** Saves a changed KPI (renamed, a target revised) over the version it was read at, as the KPI page would. */
    public void saveKpi(SignedInUser user, Kpi kpi) {
        editing.save(user, kpi);
    }

    /** Every KPI of the district that is not archived (execution asks their owners for updates). */
    public List<Kpi> kpis(UUID districtId) {
        return kpis.all(districtId);
    }

    /** When a value of each KPI was last recorded, for the KPIs that have one: how fresh the KPI is. */
    public java.util.Map<UUID, java.time.Instant> lastRecorded(UUID districtId, java.util.Collection<UUID> kpiIds) {
        return kpis.lastRecorded(districtId, kpiIds);
    }
}
