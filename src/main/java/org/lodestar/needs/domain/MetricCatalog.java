package org.lodestar.needs.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.Role;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.Measurement;
import org.lodestar.measures.MeasuresApi;
import org.lodestar.needs.CnaArea;
import org.lodestar.needs.CnaMetric;
import org.lodestar.needs.CnaValue;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The district's CNA metrics: who may read and add them, the standard ones an Ed-Fi import creates, and the KPI a
 * metric feeds (its all-grades values recorded into the KPI as whole-year values, period 0).
 */
@Service
public class MetricCatalog {

    /** The metrics an Ed-Fi import fills; proficiency metrics are {@code PROFICIENCY_<SUBJECT>}. */
    public static final String ATTENDANCE_RATE = "ATTENDANCE_RATE";

    public static final String CHRONIC_ABSENTEEISM = "CHRONIC_ABSENTEEISM";
    public static final String PROFICIENCY = "PROFICIENCY_";

    /** Ed-Fi's academic subjects in Spanish, by the code of the subject. */
    private static final Map<String, String[]> SUBJECTS = Map.of(
            "MATHEMATICS", new String[] {"mathematics", "matemáticas"},
            "READING", new String[] {"reading", "lectura"},
            "ENGLISH_LANGUAGE_ARTS", new String[] {"English language arts", "artes del lenguaje en inglés"},
            "WRITING", new String[] {"writing", "escritura"},
            "SCIENCE", new String[] {"science", "ciencias"},
            "SOCIAL_STUDIES", new String[] {"social studies", "estudios sociales"},
            "SPANISH", new String[] {"Spanish", "español"});

    private final CnaStore store;
    private final MetricStore metricStore;
    private final MeasuresApi measures;
    private final TransactionTemplate transaction;

    MetricCatalog(
            CnaStore store, MetricStore metricStore, MeasuresApi measures, PlatformTransactionManager transactions) {
        this.store = store;
        this.metricStore = metricStore;
        this.measures = measures;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Planners and admins work on the district's data; school leaders read it (their schools' on the data page). */
    public static boolean mayRead(SignedInUser user) {
        return user.canPlanForDistrict() || !user.ledSchools().isEmpty() || user.has(Role.SCHOOL_LEADER);
    }

    public static boolean mayEdit(SignedInUser user) {
        return user.canPlanForDistrict();
    }

    public List<CnaMetric> metrics(SignedInUser user) {
        ForbiddenException.unless(mayRead(user));
        return store.metrics(user.districtId());
    }

    public CnaMetric metric(SignedInUser user, UUID metricId) {
        ForbiddenException.unless(mayRead(user));
        return store.metric(user.districtId(), metricId).orElseThrow(() -> new NotFoundException("metric"));
    }

    /** A metric's values of one school year (every school, group and grade) for the data page. */
    public List<CnaValue> valuesOfYear(SignedInUser user, UUID metricId, int schoolYear) {
        metric(user, metricId);
        return metricStore.valuesOfYear(user.districtId(), metricId, schoolYear);
    }

    /** A metric's values of every year, for its trend. */
    public List<CnaValue> allValues(SignedInUser user, UUID metricId) {
        metric(user, metricId);
        return store.values(user.districtId(), List.of(metricId));
    }

    /** Whether any value of the metric is sample data (the demo's). */
    public boolean isSample(SignedInUser user, UUID metricId) {
        return metricStore.hasSample(user.districtId(), metricId);
    }

    /** The school years a metric has values of, latest first. */
    public List<Integer> years(SignedInUser user, UUID metricId) {
        metric(user, metricId);
        return metricStore.years(user.districtId(), metricId);
    }

    /** Whether the district already has a metric of this code (codes are compared in upper case). */
    public boolean exists(UUID districtId, String code) {
        return store.metricByCode(districtId, code.toUpperCase(Locale.ROOT)).isPresent();
    }

    /** Adds a metric; the caller checked that its code is new. */
    @Transactional
    public UUID add(SignedInUser user, CnaMetric metric) {
        ForbiddenException.unless(mayEdit(user));
        return store.addMetric(user.districtId(), metric);
    }

    /** The metric of a standard code, created with its English and Spanish names when the district has none yet. */
    CnaMetric standard(UUID districtId, String code, String subject) {
        Optional<CnaMetric> found = store.metricByCode(districtId, code);
        if (found.isPresent()) {
            return found.get();
        }
        CnaMetric metric;
        if (code.equals(ATTENDANCE_RATE)) {
            metric = new CnaMetric(
                    null,
                    code,
                    "Attendance rate",
                    "Tasa de asistencia",
                    CnaArea.ATTENDANCE_AND_BEHAVIOR,
                    CnaMetric.Unit.PERCENT,
                    true,
                    true,
                    null,
                    0);
        } else if (code.equals(CHRONIC_ABSENTEEISM)) {
            metric = new CnaMetric(
                    null,
                    code,
                    "Chronic absenteeism",
                    "Ausentismo crónico",
                    CnaArea.ATTENDANCE_AND_BEHAVIOR,
                    CnaMetric.Unit.PERCENT,
                    false,
                    true,
                    null,
                    0);
        } else {
            String[] names =
                    SUBJECTS.getOrDefault(code.substring(PROFICIENCY.length()), new String[] {subject, subject});
            metric = new CnaMetric(
                    null,
                    code,
                    "Students proficient in " + names[0],
                    "Estudiantes competentes en " + names[1],
                    CnaArea.STUDENT_ACHIEVEMENT,
                    CnaMetric.Unit.PERCENT,
                    true,
                    true,
                    null,
                    0);
        }
        UUID id = store.addMetric(districtId, metric);
        return store.metric(districtId, id).orElseThrow();
    }

    /** The code of the proficiency metric of an academic subject: {@code Mathematics} gives PROFICIENCY_MATHEMATICS. */
    public static String proficiencyCode(String subject) {
        String plain = Normalizer.normalize(subject, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String code =
                plain.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
        return PROFICIENCY + (code.isEmpty() ? "OTHER" : code);
    }

    public List<Kpi> allKpis(SignedInUser user) {
        ForbiddenException.unless(mayEdit(user));
        return measures.kpis(user.districtId());
    }

    /** A metric feeds a KPI of the same unit (a percent metric never feeds a currency KPI). */
    public static boolean fits(CnaMetric metric, Kpi kpi) {
        return kpi.unit().name().equals(metric.unit().name());
    }

    /** What feeding a KPI recorded: how many values, and the school years the KPI does not take. */
    public record Fed(String kpiName, int recorded, List<String> refusedYears) {}

    /**
     * Links a metric to a KPI of the district that fits its unit and records the metric's values into it now, a year
     * at a time (each year all or none, in its own transaction, so that a year the KPI refuses leaves the others).
     *
     * @throws NotFoundException when the KPI is not the district's
     * @throws IllegalArgumentException when its unit does not fit
     */
    public Fed link(SignedInUser user, UUID metricId, UUID kpiId, int version) {
        ForbiddenException.unless(mayEdit(user));
        CnaMetric metric = store.metric(user.districtId(), metricId).orElseThrow(() -> new NotFoundException("metric"));
        Kpi kpi = measures.kpi(user.districtId(), kpiId).orElseThrow(() -> new NotFoundException("kpi"));
        if (!fits(metric, kpi)) {
            throw new IllegalArgumentException("unit");
        }
        if (!Boolean.TRUE.equals(
                transaction.execute(status -> metricStore.linkKpi(user.districtId(), metricId, kpiId, version)))) {
            throw new EditConflictException("metric");
        }
        return feed(user, metric, kpi);
    }

    /**
     * Records the values of the linked metrics among these into their KPIs, saying what it did; called after an import
     * committed, outside its transaction (each year of each KPI is recorded in its own).
     */
    public List<Fed> feedLinked(SignedInUser user, List<UUID> metricIds) {
        List<Fed> fed = new ArrayList<>();
        for (UUID id : metricIds) {
            CnaMetric metric = store.metric(user.districtId(), id).orElseThrow();
            if (metric.kpiId() == null) {
                continue;
            }
            measures.kpi(user.districtId(), metric.kpiId()).ifPresent(kpi -> fed.add(feed(user, metric, kpi)));
        }
        return fed;
    }

    /**
     * Records a metric's all-grades values (district and schools; groups when the KPI is by group) into the KPI as
     * whole-year values, a year at a time: a year the KPI does not take (before its baseline, say) is left out and
     * named.
     */
    private Fed feed(SignedInUser user, CnaMetric metric, Kpi kpi) {
        List<CnaValue> values = store.values(user.districtId(), List.of(metric.id())).stream()
                .filter(v -> v.grade().isEmpty())
                .filter(v -> kpi.byStudentGroup() || v.groupCode().equals(StudentGroup.ALL))
                .toList();
        int recorded = 0;
        List<String> refused = new ArrayList<>();
        for (int year :
                values.stream().map(CnaValue::schoolYear).distinct().sorted().toList()) {
            List<Measurement> ofYear = values.stream()
                    .filter(v -> v.schoolYear() == year)
                    .map(v -> new Measurement(kpi.id(), year, 0, v.schoolId(), v.groupCode(), v.value(), v.n()))
                    .toList();
            try {
                measures.record(user, ofYear);
                recorded += ofYear.size();
            } catch (IllegalArgumentException | ForbiddenException refusedYear) {
                refused.add(org.lodestar.shared.SchoolYear.of(year).toString());
            }
        }
        return new Fed(kpi.name(), recorded, refused);
    }
}
