package org.lodestar.needs;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.needs.domain.CnaStore;
import org.springframework.stereotype.Service;

/**
 * The needs module's facade: needs assessments, their metrics and values, and (as they are built) gaps, trends and
 * needs. Reads only; every method is bound to a district.
 */
@Service
public class NeedsApi {

    private final CnaStore store;

    NeedsApi(CnaStore store) {
        this.store = store;
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

    // --- gaps, trends and needs (helper needs-analysis adds below this line) ---
}
