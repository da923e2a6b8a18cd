package org.lodestar.needs;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.District;
import org.lodestar.needs.domain.CnaStore;
import org.lodestar.needs.domain.MetricSharing;
import org.lodestar.needs.domain.MetricStore;
import org.lodestar.shared.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * The needs module's facade: needs assessments, their metrics and values, and (as they are built) gaps, trends and
 * needs. Reads only; every method is bound to a district.
 */
@Service
public class NeedsApi {

    private final CnaStore store;
    private final DirectoryApi directory;
    private final MetricStore metricValues;

    NeedsApi(CnaStore store, DirectoryApi directory, MetricStore metricValues) {
        this.store = store;
        this.directory = directory;
        this.metricValues = metricValues;
    }

    public List<Assessment> assessments(UUID districtId) {
        return store.assessments(districtId);
    }

    public Optional<Assessment> assessment(UUID districtId, UUID assessmentId) {
        return store.assessment(districtId, assessmentId);
    }

    public List<CnaMetric> metrics(UUID districtId) {
        return store.metrics(districtId);
    }

    /** Every value of the given metrics: all schools, groups, years and grades, not yet suppressed. */
    public List<CnaValue> values(UUID districtId, Collection<UUID> metricIds) {
        return store.values(districtId, metricIds);
    }

    /** The needs of an assessment, confirmed ones first by priority. */
    public List<NeedSummary> needs(UUID districtId, UUID assessmentId) {
        return store.needs(districtId, assessmentId);
    }

    // --- data and imports (helper needs-data adds below this line) ---

    /**
     * A metric's values of a school year (all grades) for the district and every school by student group, as they may
     * be shared outside the planning team: cells under the district's minimum n (or without n), and cells that would
     * let one be worked out from a total, are hidden (value and n null). Only cells that have a value are listed:
     * the district's first, then the schools by name, each ALL first and then the groups in the directory's order.
     *
     * @throws NotFoundException when the metric is not the district's
     */
    public List<SharedCell> sharedTable(UUID districtId, UUID metricId, int schoolYear) {
        CnaMetric metric = store.metric(districtId, metricId).orElseThrow(() -> new NotFoundException("metric"));
        District district = directory.district(districtId);
        return MetricSharing.table(
                metric,
                schoolYear,
                metricValues.valuesOfYear(districtId, metricId, schoolYear),
                district.name(),
                directory.schools(districtId),
                directory.studentGroups(districtId),
                district.minimumN());
    }

    /**
     * A metric's values by school year (all grades) for the district ({@code schoolId} null) or a school and a group
     * ({@code ALL} or a student group code), oldest first, not suppressed: for the planning team.
     *
     * @throws NotFoundException when the metric is not the district's
     */
    public List<CnaValue> trend(UUID districtId, UUID metricId, UUID schoolId, String groupCode) {
        store.metric(districtId, metricId).orElseThrow(() -> new NotFoundException("metric"));
        return metricValues.trend(districtId, metricId, schoolId, groupCode);
    }

    // --- gaps, trends and needs (helper needs-analysis adds below this line) ---
}
