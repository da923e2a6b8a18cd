package org.lodestar.needs.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.needs.Assessment;
import org.lodestar.needs.CnaMetric;
import org.lodestar.needs.CnaValue;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.RecordedTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sample data entered as a district's planner would: a metric added when the district has none of its code, values
 * saved with the source SAMPLE (so every page showing them can say they are sample data), and the district's
 * assessment of a year started when absent. The demo district uses it.
 */
@Service
public class SampleDataImport {

    private final CnaStore store;
    private final DirectoryApi directory;
    private final Clock clock;

    SampleDataImport(CnaStore store, DirectoryApi directory, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.clock = clock;
    }

    /** Now, or the past time the demo loader claimed for a sample district ({@link RecordedTime}). */
    private Instant at(UUID districtId) {
        return RecordedTime.at(
                clock.instant(), () -> directory.district(districtId).sampleData());
    }

    @Transactional
    public CnaMetric metric(SignedInUser user, CnaMetric metric) {
        ForbiddenException.unless(MetricCatalog.mayEdit(user));
        Optional<CnaMetric> found = store.metricByCode(user.districtId(), metric.code());
        if (found.isPresent()) {
            return found.get();
        }
        UUID id = store.addMetric(user.districtId(), metric);
        return store.metric(user.districtId(), id).orElseThrow();
    }

    @Transactional
    public void values(SignedInUser user, List<CnaValue> values) {
        ForbiddenException.unless(MetricCatalog.mayEdit(user));
        store.upsertValues(user.districtId(), values, CnaStore.Source.SAMPLE, user.email(), at(user.districtId()));
    }

    @Transactional
    public Assessment districtAssessment(SignedInUser user, int schoolYear, String title) {
        ForbiddenException.unless(MetricCatalog.mayEdit(user));
        return store.assessments(user.districtId()).stream()
                .filter(a -> a.schoolId() == null && a.schoolYear() == schoolYear)
                .findFirst()
                .orElseGet(() -> store.assessment(
                                user.districtId(),
                                store.addAssessment(
                                        user.districtId(),
                                        null,
                                        schoolYear,
                                        title,
                                        user.email(),
                                        at(user.districtId())))
                        .orElseThrow());
    }
}
