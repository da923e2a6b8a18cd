package org.lodestar.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.District;
import org.lodestar.directory.StudentGroup;
import org.lodestar.measures.domain.KpiStore;
import org.lodestar.measures.status.KpiStatus;
import org.lodestar.measures.status.StatusRule;
import org.lodestar.measures.status.Trajectory;
import org.lodestar.planning.Indicator;
import org.lodestar.planning.IndicatorSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/** KPI statuses and histories, computed from measurements with the district's status rule. */
@Service
public class Scorecards implements IndicatorSource {

    private final KpiStore kpis;
    private final DirectoryApi directory;

    Scorecards(KpiStore kpis, DirectoryApi directory) {
        this.kpis = kpis;
        this.directory = directory;
    }

    public List<Kpi> kpis(UUID districtId) {
        return kpis.all(districtId);
    }

    /** KPIs archived because their goal or outcome was removed: listed apart, never on a scorecard. */
    public List<ArchivedKpi> archived(UUID districtId) {
        return kpis.archived(districtId);
    }

    public Kpi kpi(UUID districtId, UUID kpiId) {
        return kpis.find(districtId, kpiId).orElseThrow(() -> new org.lodestar.shared.NotFoundException("kpi"));
    }

    /** The KPIs of the given outcomes (a plan's, say), with their targets, in one statement. */
    public List<Kpi> kpisOfOutcomes(UUID districtId, Collection<UUID> outcomeIds) {
        return kpis.ofOutcomes(districtId, outcomeIds, false);
    }

    /** The published KPIs of the given outcomes, with their targets, in one statement. */
    public List<Kpi> publishedKpisOfOutcomes(UUID districtId, Collection<UUID> outcomeIds) {
        return kpis.ofOutcomes(districtId, outcomeIds, true);
    }

    public List<Measurement> measurements(UUID districtId, UUID kpiId) {
        return kpis.measurements(districtId, kpiId);
    }

    /**
     * What the public page shows of the given KPIs, by KPI, in one statement: the district's all-students values of
     * every year, and every school's and group's value of the latest year and period with a district total.
     */
    public Map<UUID, List<Measurement>> publicMeasurements(UUID districtId, Collection<UUID> kpiIds) {
        return kpis.publicMeasurements(districtId, kpiIds);
    }

    /**
     * What a school's public page needs of the given KPIs, by KPI, in one statement: every year's all-students values
     * of the district and of every school, and every group's value of the latest year and period.
     */
    public Map<UUID, List<Measurement>> publicSchoolMeasurements(UUID districtId, Collection<UUID> kpiIds) {
        return kpis.publicSchoolMeasurements(districtId, kpiIds);
    }

    /**
     * A KPI's values in one scope (null school = district) and group, and every value of that scope's latest year
     * (the breakdown by school and group), in one statement.
     */
    public List<Measurement> scopeAndLatestYear(UUID districtId, UUID kpiId, UUID schoolId, String groupCode) {
        return kpis.scopeAndLatestYear(districtId, kpiId, schoolId, groupCode);
    }

    /** Every value of a KPI with the version a writer names to replace it. */
    public List<RecordedValue> recordedValues(UUID districtId, UUID kpiId) {
        return kpis.recordedValues(districtId, kpiId);
    }

    /** Overviews of the given KPIs for a scope (null school = district) and a student group. */
    public List<KpiOverview> overviews(UUID districtId, Collection<Kpi> selected, UUID schoolId, String groupCode) {
        StatusRule rule = rule(districtId);
        Map<UUID, List<Measurement>> values = kpis.scopeMeasurements(
                districtId, selected.stream().map(Kpi::id).toList(), schoolId, groupCode);
        return selected.stream()
                .map(kpi -> overview(rule, kpi, values.getOrDefault(kpi.id(), List.of())))
                .toList();
    }

    public KpiOverview overview(UUID districtId, Kpi kpi, List<Measurement> scopeValues) {
        return overview(rule(directory.district(districtId)), kpi, scopeValues);
    }

    /** The overview of a KPI from the given values, judged by the district's status rule; reads nothing. */
    public KpiOverview overview(District district, Kpi kpi, List<Measurement> scopeValues) {
        return overview(rule(district), kpi, scopeValues);
    }

    @Override
    public List<Indicator> indicators(UUID districtId, Collection<UUID> outcomeIds) {
        Locale locale = LocaleContextHolder.getLocale();
        String currency = directory.district(districtId).currency();
        return overviews(districtId, kpis.ofOutcomes(districtId, outcomeIds), null, StudentGroup.ALL).stream()
                .map(o -> new Indicator(
                        o.kpi().id(),
                        o.kpi().outcomeId(),
                        o.kpi().name(),
                        o.kpi().nameTranslation(),
                        o.status().name(),
                        o.latest() == null
                                ? "–"
                                : Values.format(o.kpi().unit(), o.latest(), locale, currency) + " ("
                                        + new org.lodestar.shared.SchoolYear(o.latestYear()) + ")",
                        Values.format(o.kpi().unit(), o.kpi().endTarget(), locale, currency),
                        o.kpi().ownerId(),
                        !o.kpi().targets().isEmpty()))
                .toList();
    }

    private StatusRule rule(UUID districtId) {
        return rule(directory.district(districtId));
    }

    private static StatusRule rule(District district) {
        return new StatusRule(district.statusTolerancePercent().doubleValue());
    }

    /**
     * Sub-annual KPIs are judged on their latest period of each year, which is where the year stands.
     */
    private static KpiOverview overview(StatusRule rule, Kpi kpi, List<Measurement> values) {
        Trajectory trajectory = trajectory(kpi);
        TreeMap<Integer, Measurement> latestByYear = new TreeMap<>();
        values.stream()
                .filter(m -> m.kpiId().equals(kpi.id()))
                .sorted(Comparator.comparingInt(Measurement::period))
                .forEach(m -> latestByYear.put(m.schoolYear(), m));
        int first = Math.min(kpi.baselineYear(), latestByYear.isEmpty() ? kpi.baselineYear() : latestByYear.firstKey());
        int last = Math.max(
                kpi.endYear() == null ? kpi.baselineYear() : kpi.endYear(),
                latestByYear.isEmpty() ? kpi.baselineYear() : latestByYear.lastKey());
        List<KpiOverview.Point> series = new ArrayList<>();
        List<KpiOverview.Point> history = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            int y = year;
            BigDecimal expected = year >= kpi.baselineYear() ? round(trajectory.expected(year)) : null;
            Measurement m = latestByYear.get(year);
            series.add(point(rule, trajectory, kpi, year, m, expected));
            List<Measurement> ofYear = values.stream()
                    .filter(v -> v.kpiId().equals(kpi.id()) && v.schoolYear() == y)
                    .sorted(Comparator.comparingInt(Measurement::period))
                    .toList();
            if (ofYear.isEmpty()) {
                history.add(point(rule, trajectory, kpi, year, null, expected));
            }
            ofYear.forEach(v -> history.add(point(rule, trajectory, kpi, y, v, expected)));
        }
        if (latestByYear.isEmpty()) {
            return new KpiOverview(kpi, null, null, null, null, KpiStatus.NO_DATA, series, history);
        }
        Measurement latest = latestByYear.lastEntry().getValue();
        return new KpiOverview(
                kpi,
                latest.schoolYear(),
                latest.value(),
                latest.n(),
                round(trajectory.expected(latest.schoolYear())),
                rule.status(
                        trajectory,
                        kpi.direction(),
                        latest.schoolYear(),
                        latest.value().doubleValue(),
                        Values.decimals(kpi.unit())),
                series,
                history);
    }

    private static KpiOverview.Point point(
            StatusRule rule, Trajectory trajectory, Kpi kpi, int year, Measurement m, BigDecimal expected) {
        // a year before the baseline has no path to be judged against
        KpiStatus status = expected == null
                ? KpiStatus.NO_DATA
                : rule.status(
                        trajectory,
                        kpi.direction(),
                        year,
                        m == null ? null : m.value().doubleValue(),
                        Values.decimals(kpi.unit()));
        return new KpiOverview.Point(
                year,
                m == null ? 0 : m.period(),
                m == null ? null : m.value(),
                m == null ? null : m.n(),
                expected,
                status);
    }

    static Trajectory trajectory(Kpi kpi) {
        Map<Integer, Double> targets = new TreeMap<>();
        kpi.targets().forEach((year, value) -> targets.put(year, value.doubleValue()));
        return new Trajectory(kpi.baselineValue().doubleValue(), kpi.baselineYear(), targets);
    }

    private static BigDecimal round(double value) {
        return Values.plain(BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP));
    }
}
