package org.lodestar.needs;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.District;
import org.lodestar.directory.SignedInUser;
import org.lodestar.needs.domain.CnaStore;
import org.lodestar.needs.domain.MetricSharing;
import org.lodestar.needs.domain.MetricStore;
import org.lodestar.needs.domain.NeedWork;
import org.lodestar.needs.domain.SampleDataImport;
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
    private final SampleDataImport samples;
    private final NeedWork needWork;

    NeedsApi(
            CnaStore store,
            DirectoryApi directory,
            MetricStore metricValues,
            SampleDataImport samples,
            NeedWork needWork) {
        this.store = store;
        this.directory = directory;
        this.metricValues = metricValues;
        this.samples = samples;
        this.needWork = needWork;
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

    /** Sample data (the demo's): the metric of this code, added by a planner or admin when the district has none. */
    public CnaMetric sampleMetric(SignedInUser user, CnaMetric metric) {
        return samples.metric(user, metric);
    }

    /** Sample data: values saved with the source SAMPLE, each replacing its cell. */
    public void saveSampleValues(SignedInUser user, List<CnaValue> values) {
        samples.values(user, values);
    }

    /** The district's assessment of a school year, started with this title when it has none. */
    public Assessment districtAssessment(SignedInUser user, int schoolYear, String title) {
        return samples.districtAssessment(user, schoolYear, title);
    }

    // --- gaps, trends and needs (helper needs-analysis adds below this line) ---

    /** A need of the district, or empty when it has none of that id. */
    public Optional<NeedSummary> need(UUID districtId, UUID needId) {
        return needWork.find(districtId, needId).map(org.lodestar.needs.domain.Need::summary);
    }

    /**
     * Starts an assessment of the district (school null) or a school for a school year, as the person (a planner, or
     * the school's leader); refused with {@link IllegalArgumentException} when one of that scope and year exists.
     */
    public UUID startAssessment(SignedInUser user, UUID schoolId, int schoolYear, String title) {
        return asArgumentRefusal(() -> needWork.start(user, schoolId, schoolYear, title));
    }

    /**
     * Confirms the candidate the data suggests for the metric of this code and student group at the assessment's own
     * scope (the district or its school), against all students, with its evidence, and gives it the team's title and
     * description; empty when the data suggests no such candidate.
     */
    public Optional<UUID> confirmSuggested(
            SignedInUser user,
            UUID assessmentId,
            String metricCode,
            String groupCode,
            String title,
            String description) {
        return asArgumentRefusal(
                () -> needWork.confirmSuggested(user, assessmentId, metricCode, groupCode, title, description));
    }

    /** Adds a need the team wrote to an assessment, confirmed or as a candidate. */
    public UUID addNeed(
            SignedInUser user, UUID assessmentId, String title, String description, CnaArea area, boolean confirm) {
        return asArgumentRefusal(() -> needWork.add(user, assessmentId, title, description, area, confirm));
    }

    /** Gives the confirmed needs of an assessment their priorities (1 first). */
    public void prioritize(SignedInUser user, UUID assessmentId, java.util.Map<UUID, Integer> priorities) {
        java.util.Map<UUID, String> entered = new java.util.HashMap<>();
        priorities.forEach((need, priority) -> entered.put(need, priority.toString()));
        asArgumentRefusal(() -> {
            needWork.prioritize(user, assessmentId, entered);
            return null;
        });
    }

    /** Writes a need's root cause as five whys: each line a why and its because (at most five). */
    public void writeFiveWhys(SignedInUser user, UUID needId, List<java.util.Map.Entry<String, String>> whys) {
        org.lodestar.needs.domain.Need need = needWork.need(user, needId);
        List<org.lodestar.needs.domain.NeedCause> causes = new java.util.ArrayList<>();
        for (java.util.Map.Entry<String, String> line : whys) {
            causes.add(
                    new org.lodestar.needs.domain.NeedCause(causes.size() + 1, null, line.getKey(), line.getValue()));
        }
        asArgumentRefusal(() -> {
            needWork.writeCauses(
                    user, needId, org.lodestar.needs.domain.Need.CauseMethod.FIVE_WHYS, causes, need.version());
            return null;
        });
    }

    /** Links a need to a goal or action (a strategy) of the plans of its assessment's scope and year. */
    public void linkNeed(SignedInUser user, UUID needId, UUID itemId) {
        asArgumentRefusal(() -> {
            needWork.link(user, needId, itemId);
            return null;
        });
    }

    /**
     * Runs the work, telling a refusal of the person's input as an {@link IllegalArgumentException}, so that callers
     * outside the module (the demo) need not know the module's own exception.
     */
    private static <T> T asArgumentRefusal(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (org.lodestar.needs.domain.NeedInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
