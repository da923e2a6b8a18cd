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
import java.util.Objects;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.School;
import org.lodestar.directory.SchoolLevel;
import org.lodestar.directory.SignedInUser;
import org.lodestar.enrollment.projection.Births;
import org.lodestar.enrollment.projection.EnrollmentCsv;
import org.lodestar.enrollment.projection.EnrollmentHistory;
import org.lodestar.enrollment.projection.Grade;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.Ids;
import org.lodestar.shared.tabular.ImportProblem;
import org.lodestar.shared.tabular.ImportProblems;
import org.lodestar.shared.tabular.ImportRefused;
import org.lodestar.shared.tabular.TabularFile;
import org.lodestar.shared.tabular.TabularLimits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a district's enrollment history: imports of counts and births (CSV or XLSX, all rows or none) and counts
 * corrected in the grid or posted through the API. Each change raises the history's version, so forecasts follow.
 */
@Service
public class EnrollmentImports {

    private final EnrollmentStore store;
    private final DirectoryApi directory;
    private final ApplicationEventPublisher events;

    EnrollmentImports(EnrollmentStore store, DirectoryApi directory, ApplicationEventPublisher events) {
        this.store = store;
        this.directory = directory;
        this.events = events;
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
        List<School> known = directory.schools(user.districtId());
        Map<String, UUID> schools = schoolLookup(known);
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
        known.forEach(school -> names.put(school.id(), school.name()));
        CountChanges changes = new CountChanges();
        List<Count> counts = new ArrayList<>(rows.size());
        for (EnrollmentCsv.Row row : rows) {
            UUID schoolId = schools.get(row.school().toLowerCase(Locale.ROOT));
            changes.add(
                    names.getOrDefault(schoolId, row.school()),
                    row.year(),
                    before.total(schoolId.toString(), row.year()),
                    before.count(schoolId.toString(), row.year(), row.grade()),
                    row.count());
            counts.add(new Count(schoolId, row.year(), row.grade(), row.count()));
        }
        store.upsert(user.districtId(), counts);
        store.historyChanged(user.districtId());
        // each changed school year is a field named by its school and year, which read the same in every language
        Map<String, Object> after = new LinkedHashMap<>(changes.after());
        after.put("history.field.counts", AuditValue.number(rows.size()));
        after.put("history.field.changedSchoolYears", AuditValue.number(changes.changedCount()));
        after.put("history.field.schoolsAdded", AuditValue.number(unknown.size()));
        events.publishEvent(AuditableChange.updated(
                user.districtId(), user.email(), "Enrollment", user.districtId(), filename, changes.before(), after));
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
                        new School(
                                Ids.next(), name, null, level(highest), lowest.label(), highest.label(), null, null, 0))
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
        int count = recordBirths(user, births);
        return new ImportResult(count, 0, List.of(), 0);
    }

    /** Records births by year (planners), replacing those of the same years; the audit log keeps what changed. */
    @Transactional
    public int recordBirths(SignedInUser user, Births births) {
        ForbiddenException.unless(user.canPlanForDistrict());
        store.lockCounts(user.districtId());
        Births earlier = store.births(user.districtId());
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        Map<Integer, Integer> byYear = new LinkedHashMap<>();
        int count = 0;
        for (int year = 1900; year <= 2200; year++) {
            Integer n = births.of(year);
            if (n != null) {
                byYear.put(year, n);
                count++;
                if (!n.equals(earlier.of(year))) {
                    // at most 301 years: small enough to keep whole
                    before.put(String.valueOf(year), earlier.of(year));
                    after.put(String.valueOf(year), n);
                }
            }
        }
        store.upsertBirths(user.districtId(), byYear);
        after.put("history.field.births", AuditValue.number(count));
        events.publishEvent(AuditableChange.updated(
                user.districtId(), user.email(), "Enrollment", user.districtId(), "", before, after));
        store.historyChanged(user.districtId());
        return count;
    }

    /** Records counts posted through the API (already checked), replacing what was there. */
    @Transactional
    public void record(SignedInUser user, List<Count> counts) {
        ForbiddenException.unless(user.canPlanForDistrict());
        store.lockCounts(user.districtId());
        store.upsert(user.districtId(), counts);
        store.historyChanged(user.districtId());
        events.publishEvent(AuditableChange.updated(
                user.districtId(),
                user.email(),
                "Enrollment",
                user.districtId(),
                "",
                Map.of(),
                Map.of("history.field.counts", AuditValue.number(counts.size()))));
    }

    /**
     * Corrections typed into a school's grid, each with the count the grid showed: saved only if every corrected cell
     * still holds what was shown. Otherwise nothing is saved and the cells someone else changed meanwhile are returned
     * with what they hold now, so the person can compare instead of overwriting unseen.
     */
    @Transactional
    public List<Overtaken> correct(SignedInUser user, List<Correction> corrections) {
        ForbiddenException.unless(user.canPlanForDistrict());
        store.lockCounts(user.districtId());
        Map<EnrollmentStore.Cell, Integer> savedCounts = store.counts(
                user.districtId(),
                corrections.stream()
                        .map(c -> new EnrollmentStore.Cell(c.schoolId(), c.year(), c.grade()))
                        .toList());
        List<Overtaken> overtaken = new ArrayList<>();
        for (Correction c : corrections) {
            Integer saved = savedCounts.get(new EnrollmentStore.Cell(c.schoolId(), c.year(), c.grade()));
            // a cell that holds what was shown, or already what is typed, is not in anyone's way
            if (!Objects.equals(saved, c.shown())
                    && !Integer.valueOf(c.students()).equals(saved)) {
                overtaken.add(new Overtaken(c, saved));
            }
        }
        if (overtaken.isEmpty() && !corrections.isEmpty()) {
            record(
                    user,
                    corrections.stream()
                            .map(c -> new Count(c.schoolId(), c.year(), c.grade(), c.students()))
                            .toList());
        }
        return overtaken;
    }

    /** A count typed over the one the grid showed ({@code shown} null: the cell was empty). */
    public record Correction(UUID schoolId, int year, Grade grade, Integer shown, int students) {}

    /** A corrected cell that holds another count than the grid showed: {@code savedNow} (null: emptied). */
    public record Overtaken(Correction correction, Integer savedNow) {}

    /** One counted cell posted through the API. */
    public record Count(UUID schoolId, int year, Grade grade, int students) {}

    private static Map<String, UUID> schoolLookup(List<School> schools) {
        Map<String, UUID> lookup = new HashMap<>();
        for (School school : schools) {
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
