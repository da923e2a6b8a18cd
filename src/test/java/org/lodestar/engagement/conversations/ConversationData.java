package org.lodestar.engagement.conversations;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lodestar.needs.CnaArea;
import org.lodestar.needs.CnaMetric;
import org.lodestar.needs.CnaValue;
import org.lodestar.needs.domain.CnaStore;
import org.lodestar.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A needs assessment of the demo district for tests of conversations, made once per scope and year and reused: one
 * metric of chronic absenteeism with values for the district and Cedar Elementary by group, where Cedar's students
 * with disabilities are only 4 (37.7%, which no data pack may show), and two needs to attach notes to.
 */
public final class ConversationData {

    /** The value of a group too small to share: it must appear in no data pack. */
    public static final String HIDDEN_VALUE = "37.7";

    private ConversationData() {}

    public record Made(UUID assessmentId, UUID metricId, UUID cedarId, List<UUID> needIds) {}

    public static Made assessment(CnaStore store, JdbcClient jdbc, UUID district, UUID schoolId, int year) {
        UUID cedar = jdbc.sql("select id from school where district_id = ? and name = 'Cedar Elementary'")
                .param(district)
                .query(UUID.class)
                .single();
        String code = "CONV_TEST_ABSENT_" + year;
        UUID metric = store.metricByCode(district, code).map(CnaMetric::id).orElseGet(() -> {
            UUID id = store.addMetric(
                    district,
                    new CnaMetric(
                            null,
                            code,
                            "Chronic absenteeism " + year,
                            "Ausentismo crónico " + year,
                            CnaArea.ATTENDANCE_AND_BEHAVIOR,
                            CnaMetric.Unit.PERCENT,
                            false,
                            true,
                            null,
                            0));
            List<CnaValue> values = new ArrayList<>();
            values.add(value(id, null, "ALL", year, "14.2", 5000));
            values.add(value(id, null, "EL", year, "21.4", 800));
            values.add(value(id, null, "SWD", year, "19.8", 600));
            values.add(value(id, cedar, "ALL", year, "12.0", 400));
            values.add(value(id, cedar, "EL", year, "18.0", 60));
            values.add(value(id, cedar, "SWD", year, HIDDEN_VALUE, 4));
            values.add(value(id, null, "ALL", year - 1, "15.1", 4950));
            values.add(value(id, null, "ALL", year - 2, "16.0", 4900));
            store.upsertValues(district, values, CnaStore.Source.CSV, "test", Instant.now());
            return id;
        });
        UUID assessment = store.assessments(district).stream()
                .filter(a -> a.schoolYear() == year && java.util.Objects.equals(a.schoolId(), schoolId))
                .findFirst()
                .map(a -> a.id())
                .orElseGet(() -> {
                    UUID id = store.addAssessment(
                            district, schoolId, year, "Needs assessment " + year + " (test)", "test", Instant.now());
                    for (String title : List.of("Chronic absenteeism in elementary grades", "Reading by grade 3")) {
                        jdbc.sql("""
                                        insert into need (district_id, id, assessment_id, title, area, status, created_by,
                                            created_at) values (?, ?, ?, ?, 'ATTENDANCE_AND_BEHAVIOR', 'CONFIRMED', 'test', now())""").params(district, Ids.next(), id, title).update();
                    }
                    return id;
                });
        List<UUID> needs =
                store.needs(district, assessment).stream().map(n -> n.id()).toList();
        return new Made(assessment, metric, cedar, needs);
    }

    private static CnaValue value(UUID metric, UUID school, String group, int year, String value, int n) {
        return new CnaValue(metric, school, group, year, "", new BigDecimal(value), n);
    }
}
