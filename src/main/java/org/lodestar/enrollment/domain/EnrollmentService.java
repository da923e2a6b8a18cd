package org.lodestar.enrollment.domain;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.ForbiddenException;
import org.lodestar.directory.School;
import org.lodestar.directory.SchoolLevel;
import org.lodestar.directory.SignedInUser;
import org.lodestar.enrollment.projection.Backtest;
import org.lodestar.enrollment.projection.Births;
import org.lodestar.enrollment.projection.EnrollmentCsv;
import org.lodestar.enrollment.projection.EnrollmentForecaster;
import org.lodestar.enrollment.projection.EnrollmentHistory;
import org.lodestar.enrollment.projection.Grade;
import org.lodestar.enrollment.projection.Method;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.Ids;
import org.lodestar.shared.tabular.ImportProblem;
import org.lodestar.shared.tabular.ImportProblems;
import org.lodestar.shared.tabular.ImportRefused;
import org.lodestar.shared.tabular.TabularFile;
import org.lodestar.shared.tabular.TabularLimits;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Enrollment imports and forecasts. A district's forecast is computed once and kept until its history changes:
 * a dozen schools take well under a second, a state of 2,000 a few seconds (see the benchmark in README).
 * Changes made while a forecast is computed start a new one; the stale one is dropped.
 */
@Service
public class EnrollmentService {

    /** The bean of the thread that computes forecasts: one, so that districts take turns. */
    public static final String FORECAST_WORKER = "enrollmentForecastWorker";

    /** How many years ahead the pages forecast. */
    public static final int HORIZON = 5;

    private final EnrollmentStore store;
    private final DirectoryApi directory;
    private final ApplicationEventPublisher events;
    private final Map<UUID, CompletableFuture<Optional<Forecasts>>> cache = new ConcurrentHashMap<>();
    private final Executor worker;

    EnrollmentService(
            EnrollmentStore store,
            DirectoryApi directory,
            ApplicationEventPublisher events,
            @Qualifier(FORECAST_WORKER) Executor worker) {
        this.worker = worker;
        this.store = store;
        this.directory = directory;
        this.events = events;
    }

    /** Lodestar's forecast of the district, and the plain baseline's backtest to show beside its accuracy. */
    public record Forecasts(
            EnrollmentHistory history, EnrollmentForecaster.Result forecast, Backtest.Report baseline) {}

    /**
     * The district's forecasts, waiting for them if they are being computed (the API and the pages that need them).
     */
    public Optional<Forecasts> forecasts(UUID districtId) {
        return start(districtId).join();
    }

    /** The forecasts if they are ready now; else they are started (if there is data) and the caller shows progress. */
    public Optional<Optional<Forecasts>> forecastsIfReady(UUID districtId) {
        CompletableFuture<Optional<Forecasts>> future = start(districtId);
        return future.isDone() ? Optional.of(future.join()) : Optional.empty();
    }

    /**
     * Forecasts run on a worker thread, one district at a time, so that a large district's run (a state of 2,000
     * schools takes seconds) never holds a request thread; pages show progress and reload when it is done.
     */
    private CompletableFuture<Optional<Forecasts>> start(UUID districtId) {
        return cache.computeIfAbsent(districtId, id -> CompletableFuture.supplyAsync(() -> compute(id), worker));
    }

    private Optional<Forecasts> compute(UUID districtId) {
        EnrollmentHistory history = store.history(districtId);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        var births = store.births(districtId);
        return Optional.of(new Forecasts(
                history,
                EnrollmentForecaster.forecast(history, births, Method.LODESTAR, HORIZON),
                Backtest.run(
                        history.upTo(history.completeYear()),
                        births,
                        Method.BASELINE,
                        HORIZON,
                        history.completeYear())));
    }

    /** What an import did, or the first problems that stopped it and how many more. */
    public record ImportResult(int recorded, int schoolsAdded, List<ImportProblem> problems, int moreProblems) {
        public boolean applied() {
            return problems.isEmpty();
        }

        static ImportResult refused(ImportProblems problems) {
            return new ImportResult(0, 0, problems.shown(), problems.more());
        }
    }

    /**
     * Imports counts ({@code school_id,year,grade,count}; the school by id, state id or name) from CSV or XLSX, all
     * rows or none. With {@code addSchools}, a district admin lets schools the district does not have yet be added.
     * The role is checked before the file is opened; the file is streamed within {@link TabularLimits#DEFAULT}.
     */
    @Transactional
    public ImportResult importFile(SignedInUser user, String filename, InputStreamSource content, boolean addSchools)
            throws IOException {
        ForbiddenException.unless(user.canPlanForDistrict());
        if (addSchools) {
            ForbiddenException.unless(user.isAdmin());
        }
        List<EnrollmentCsv.Row> rows;
        try (InputStream in = content.getInputStream();
                TabularFile file = TabularFile.open(filename, in, TabularLimits.DEFAULT)) {
            rows = EnrollmentCsv.readRows(file);
        } catch (ImportRefused refused) {
            return ImportResult.refused(ImportProblems.of(refused.problem()));
        } catch (EnrollmentCsv.InvalidFile invalid) {
            return ImportResult.refused(invalid.problems());
        }
        Map<String, UUID> schools = schoolLookup(user.districtId());
        Map<String, List<EnrollmentCsv.Row>> unknown = new LinkedHashMap<>();
        for (EnrollmentCsv.Row row : rows) {
            if (!schools.containsKey(row.school().toLowerCase(Locale.ROOT))) {
                unknown.computeIfAbsent(row.school(), s -> new ArrayList<>()).add(row);
            }
        }
        if (!unknown.isEmpty() && !addSchools) {
            ImportProblems problems = new ImportProblems();
            unknown.values().stream()
                    .flatMap(List::stream)
                    .sorted(Comparator.comparingInt(EnrollmentCsv.Row::line))
                    .forEach(row -> problems.add(row.line(), "enrollment.import.unknownSchool", row.school()));
            return ImportResult.refused(problems);
        }
        for (Map.Entry<String, List<EnrollmentCsv.Row>> school : unknown.entrySet()) {
            schools.put(school.getKey().toLowerCase(Locale.ROOT), addSchool(user, school.getKey(), school.getValue()));
        }
        store.lockCounts(user.districtId());
        EnrollmentHistory before = store.history(user.districtId());
        Map<UUID, String> names = new HashMap<>();
        directory.schools(user.districtId()).forEach(school -> names.put(school.id(), school.name()));
        CountChanges changes = new CountChanges();
        for (EnrollmentCsv.Row row : rows) {
            UUID schoolId = schools.get(row.school().toLowerCase(Locale.ROOT));
            changes.add(
                    names.getOrDefault(schoolId, row.school()),
                    row.year(),
                    before.total(schoolId.toString(), row.year()),
                    before.count(schoolId.toString(), row.year(), row.grade()),
                    row.count());
            store.upsert(user.districtId(), schoolId, row.year(), row.grade(), row.count());
        }
        forgetAfterCommit(user.districtId());
        events.publishEvent(AuditableChange.updated(
                user.districtId(),
                user.email(),
                "Enrollment",
                user.districtId(),
                "imported " + rows.size() + " counts from " + filename + ", changing " + changes.changedCount()
                        + " school years; " + unknown.size() + " schools added",
                changes.before(),
                changes.after()));
        return new ImportResult(rows.size(), unknown.size(), List.of(), 0);
    }

    private UUID addSchool(SignedInUser user, String name, List<EnrollmentCsv.Row> rows) {
        Grade lowest =
                rows.stream().map(EnrollmentCsv.Row::grade).min(Enum::compareTo).orElseThrow();
        Grade highest =
                rows.stream().map(EnrollmentCsv.Row::grade).max(Enum::compareTo).orElseThrow();
        return directory
                .addSchool(
                        user,
                        new School(Ids.next(), name, null, level(highest), lowest.label(), highest.label(), null, null))
                .id();
    }

    /** Births by year from a CSV ({@code year,births}), all rows or none, checked and streamed like counts. */
    @Transactional
    public ImportResult importBirths(SignedInUser user, String filename, InputStreamSource content) throws IOException {
        ForbiddenException.unless(user.canPlanForDistrict());
        Births births;
        try (InputStream in = content.getInputStream();
                TabularFile file = TabularFile.open(filename, in, TabularLimits.DEFAULT)) {
            births = EnrollmentCsv.readBirths(file);
        } catch (ImportRefused refused) {
            return ImportResult.refused(ImportProblems.of(refused.problem()));
        } catch (EnrollmentCsv.InvalidFile invalid) {
            return ImportResult.refused(invalid.problems());
        }
        store.lockCounts(user.districtId());
        Births earlier = store.births(user.districtId());
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        int count = 0;
        for (int year = 1900; year <= 2200; year++) {
            Integer n = births.of(year);
            if (n != null) {
                store.upsertBirths(user.districtId(), year, n);
                count++;
                if (!n.equals(earlier.of(year))) {
                    // at most 301 years: small enough to keep whole
                    before.put(String.valueOf(year), earlier.of(year));
                    after.put(String.valueOf(year), n);
                }
            }
        }
        events.publishEvent(AuditableChange.updated(
                user.districtId(),
                user.email(),
                "Enrollment",
                user.districtId(),
                "imported births for " + count + " years, changing " + after.size(),
                before,
                after));
        forgetAfterCommit(user.districtId());
        return new ImportResult(count, 0, List.of(), 0);
    }

    /** Records counts posted through the API (already checked), replacing what was there. */
    @Transactional
    public void record(SignedInUser user, List<Count> counts) {
        ForbiddenException.unless(user.canPlanForDistrict());
        store.lockCounts(user.districtId());
        counts.forEach(c -> store.upsert(user.districtId(), c.schoolId(), c.year(), c.grade(), c.students()));
        forgetAfterCommit(user.districtId());
        events.publishEvent(AuditableChange.updated(
                user.districtId(),
                user.email(),
                "Enrollment",
                user.districtId(),
                "recorded " + counts.size() + " counts",
                Map.of(),
                Map.of("counts", counts.size())));
    }

    /** Saves a scenario (planners), recorded in the audit log. */
    @Transactional
    public void saveScenario(SignedInUser user, ScenarioRow scenario) {
        ForbiddenException.unless(user.canPlanForDistrict());
        store.saveScenario(user.districtId(), scenario);
        events.publishEvent(AuditableChange.created(
                user.districtId(),
                user.email(),
                "Scenario",
                scenario.id(),
                scenario.name(),
                Map.of("kind", scenario.kind().name(), "from", scenario.fromYear())));
    }

    @Transactional
    public void deleteScenario(SignedInUser user, UUID scenarioId) {
        ForbiddenException.unless(user.canPlanForDistrict());
        store.scenarios(user.districtId()).stream()
                .filter(scenario -> scenario.id().equals(scenarioId))
                .findFirst()
                .ifPresent(scenario -> {
                    store.deleteScenario(user.districtId(), scenarioId);
                    events.publishEvent(AuditableChange.deleted(
                            user.districtId(),
                            user.email(),
                            "Scenario",
                            scenarioId,
                            scenario.name(),
                            Map.of("kind", scenario.kind().name())));
                });
    }

    /** Saves the class-size ratios and attrition (planners), recorded in the audit log. */
    @Transactional
    public void saveSettings(SignedInUser user, EnrollmentStore.StaffingSettings settings) {
        ForbiddenException.unless(user.canPlanForDistrict());
        EnrollmentStore.StaffingSettings before = store.settings(user.districtId());
        store.saveSettings(user.districtId(), settings);
        events.publishEvent(AuditableChange.updated(
                user.districtId(),
                user.email(),
                "District",
                user.districtId(),
                "staffing ratios",
                Map.of("settings", before.toString()),
                Map.of("settings", settings.toString())));
    }

    /** One counted cell posted through the API. */
    public record Count(UUID schoolId, int year, Grade grade, int students) {}

    /** Drops the district's forecast now and again once the change commits, so none is computed from old data. */
    private void forgetAfterCommit(UUID districtId) {
        cache.remove(districtId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.remove(districtId);
                }
            });
        }
    }

    private Map<String, UUID> schoolLookup(UUID districtId) {
        Map<String, UUID> lookup = new HashMap<>();
        for (School school : directory.schools(districtId)) {
            lookup.put(school.id().toString(), school.id());
            lookup.put(school.name().toLowerCase(Locale.ROOT), school.id());
            if (school.stateId() != null) {
                lookup.put(school.stateId().toLowerCase(Locale.ROOT), school.id());
            }
        }
        return lookup;
    }

    private static SchoolLevel level(Grade highest) {
        return highest.compareTo(Grade.G5) <= 0
                ? SchoolLevel.ELEMENTARY
                : highest.compareTo(Grade.G8) <= 0 ? SchoolLevel.MIDDLE : SchoolLevel.HIGH;
    }
}
