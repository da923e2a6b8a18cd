package org.lodestar.needs.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.School;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.needs.CnaMetric;
import org.lodestar.needs.CnaValue;
import org.lodestar.needs.edfi.EdFiAggregate;
import org.lodestar.needs.edfi.EdFiException;
import org.lodestar.needs.edfi.EdFiFileSummary;
import org.lodestar.needs.edfi.EdFiReader;
import org.lodestar.needs.edfi.EdFiResult;
import org.lodestar.needs.edfi.EdFiSource;
import org.lodestar.needs.edfi.EdFiZip;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.SchoolYear;
import org.lodestar.shared.tabular.ImportProblem;
import org.lodestar.shared.tabular.ImportProblems;
import org.lodestar.shared.tabular.ImportRefused;
import org.lodestar.shared.tabular.TabularFile;
import org.lodestar.shared.tabular.TabularLimits;
import org.lodestar.shared.tabular.TabularRow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Imports the values of CNA metrics, whole or not at all: from a CSV or XLSX file (columns {@code metric, school,
 * group, school_year, grade, value, n}) or from Ed-Fi Data Standard 5.x XML interchanges (several files, or a zip of
 * them), which are reduced to aggregates by {@link EdFiReader}: student-level records live only during the import.
 * Planners and admins only, checked before any byte of the upload is read. After the values are saved, the metrics that
 * feed a KPI record them into it.
 */
@Service
public class DataImport {

    /** Columns a file must have; school, group, grade and n may be left out. */
    static final List<String> REQUIRED = List.of("metric", "school_year", "value");

    private static final Pattern GRADE = Pattern.compile("PK|K|[1-9]|1[0-2]");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_VALUE = new BigDecimal("9999999999");
    private static final int MAX_FILES = 50;

    private final CnaStore store;
    private final MetricCatalog catalog;
    private final DirectoryApi directory;
    private final Clock clock;
    private final long maxUpload;
    private final TransactionTemplate transaction;

    DataImport(
            CnaStore store,
            MetricCatalog catalog,
            DirectoryApi directory,
            Clock clock,
            PlatformTransactionManager transactions,
            @Value("${lodestar.needs.max-upload:40MB}") DataSize maxUpload) {
        this.transaction = new TransactionTemplate(transactions);
        this.store = store;
        this.catalog = catalog;
        this.directory = directory;
        this.clock = clock;
        this.maxUpload = maxUpload.toBytes();
    }

    /** An uploaded file: its name, size as uploaded, and a way to open it (perhaps more than once). */
    public record Upload(String name, long size, EdFiSource.Opener opener) {}

    /**
     * What an import did, or why it did nothing.
     *
     * @param files the files (Ed-Fi: interchanges) read
     * @param records the rows or Ed-Fi records read
     * @param students the distinct students named (Ed-Fi), 0 for a table
     * @param saved the values saved
     * @param skippedGroups student groups of the Ed-Fi files the district does not break results down by (left out)
     * @param fed what was recorded into the KPIs the metrics feed
     */
    public record Result(
            int files,
            int records,
            int students,
            int saved,
            List<ImportProblem> problems,
            int moreProblems,
            List<String> skippedGroups,
            List<MetricCatalog.Fed> fed) {

        public boolean applied() {
            return problems.isEmpty();
        }

        static Result refused(ImportProblems problems) {
            return new Result(0, 0, 0, 0, problems.shown(), problems.more(), List.of(), List.of());
        }

        static Result refused(int line, String code, Object... args) {
            return refused(ImportProblems.of(ImportProblem.of(line, code, args)));
        }
    }

    /** The largest upload taken, in megabytes (for messages). */
    public long maxUploadMegabytes() {
        return maxUpload / (1024 * 1024);
    }

    public static boolean mayImport(SignedInUser user) {
        return MetricCatalog.mayEdit(user);
    }

    /** Reads a CSV or XLSX file and saves its values, whole or not at all, then feeds the KPIs of linked metrics. */
    public Result importTable(SignedInUser user, Upload upload) {
        ForbiddenException.unless(mayImport(user));
        if (upload.size() > maxUpload) {
            return Result.refused(0, "needs.import.error.size", maxUploadMegabytes());
        }
        TabularLimits limits = new TabularLimits(
                maxUpload,
                TabularLimits.DEFAULT.maxInflatedBytes(),
                TabularLimits.DEFAULT.maxRatio(),
                TabularLimits.DEFAULT.maxRows(),
                TabularLimits.DEFAULT.maxColumns(),
                TabularLimits.DEFAULT.maxCellLength());
        try (InputStream in = upload.opener().open();
                TabularFile file = TabularFile.open(upload.name(), in, limits)) {
            List<String> missing = file.missing(REQUIRED);
            if (!missing.isEmpty()) {
                return Result.refused(1, "import.error.columns", String.join(", ", missing));
            }
            return read(user, upload.name(), file);
        } catch (ImportRefused refused) {
            return Result.refused(ImportProblems.of(refused.problem()));
        } catch (IOException e) {
            return Result.refused(0, "tabular.unreadable");
        }
    }

    private Result read(SignedInUser user, String filename, TabularFile file) throws ImportRefused {
        UUID districtId = user.districtId();
        Map<String, CnaMetric> metrics = new HashMap<>();
        store.metrics(districtId).forEach(m -> metrics.put(m.code().toUpperCase(Locale.ROOT), m));
        Map<String, School> schools = new HashMap<>();
        directory.schools(districtId).stream()
                .filter(s -> s.stateId() != null && !s.stateId().isBlank())
                .forEach(s -> schools.put(s.stateId().strip(), s));
        Set<String> groups = groupCodes(districtId);
        ImportProblems problems = new ImportProblems();
        List<CnaValue> values = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int rows = 0;
        for (TabularRow row = file.next(); row != null; row = file.next()) {
            rows++;
            int line = row.line();
            List<ImportProblem> found = new ArrayList<>();
            CnaMetric metric = metrics.get(row.get("metric").strip().toUpperCase(Locale.ROOT));
            if (metric == null) {
                found.add(ImportProblem.of(line, "needs.import.error.metric", row.get("metric")));
            }
            UUID schoolId = null;
            String schoolText = row.get("school").strip();
            if (!schoolText.isEmpty()) {
                School school = schools.get(schoolText);
                if (school == null) {
                    found.add(ImportProblem.of(line, "needs.import.error.school", schoolText));
                } else {
                    schoolId = school.id();
                }
            }
            String group = row.get("group").isBlank()
                    ? StudentGroup.ALL
                    : row.get("group").strip().toUpperCase(Locale.ROOT);
            if (!groups.contains(group)) {
                found.add(ImportProblem.of(line, "needs.import.error.group", group));
            }
            Integer year = null;
            try {
                year = SchoolYear.parse(row.get("school_year")).startYear();
                if (year < 1990 || year > 2100) {
                    year = null;
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                found.add(ImportProblem.of(line, "needs.import.error.year", row.get("school_year")));
            }
            String grade = row.get("grade").strip().toUpperCase(Locale.ROOT);
            if (!grade.isEmpty() && !GRADE.matcher(grade).matches()) {
                found.add(ImportProblem.of(line, "needs.import.error.grade", row.get("grade")));
            }
            BigDecimal value = number(row.get("value"));
            if (value == null || value.abs().compareTo(MAX_VALUE) > 0) {
                found.add(ImportProblem.of(line, "needs.import.error.value", row.get("value")));
            } else if (metric != null
                    && metric.unit() == CnaMetric.Unit.PERCENT
                    && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
                found.add(ImportProblem.of(line, "needs.import.error.percent", row.get("value")));
            } else if (metric != null && metric.unit() == CnaMetric.Unit.COUNT && value.signum() < 0) {
                found.add(ImportProblem.of(line, "needs.import.error.value", row.get("value")));
            }
            Integer n = null;
            String nText = row.get("n").strip();
            if (!nText.isEmpty()) {
                BigDecimal count = number(nText);
                if (count == null
                        || count.signum() < 0
                        || count.stripTrailingZeros().scale() > 0
                        || count.compareTo(BigDecimal.valueOf(100_000_000)) > 0) {
                    found.add(ImportProblem.of(line, "needs.import.error.n", nText));
                } else {
                    n = count.intValueExact();
                }
            } else if (metric != null && metric.aboutStudents()) {
                found.add(ImportProblem.of(line, "needs.import.error.nRequired", metric.code()));
            }
            if (found.isEmpty()) {
                String cell = metric.id() + "|" + schoolId + "|" + group + "|" + year + "|" + grade;
                Integer earlier = seen.putIfAbsent(cell, line);
                if (earlier != null) {
                    found.add(ImportProblem.of(line, "import.error.duplicate", earlier));
                }
            }
            found.forEach(problems::add);
            if (found.isEmpty() && problems.isEmpty()) {
                values.add(new CnaValue(
                        metric.id(), schoolId, group, year, grade, value.setScale(4, RoundingMode.HALF_UP), n));
            }
        }
        if (!problems.isEmpty()) {
            return Result.refused(problems);
        }
        if (values.isEmpty()) {
            return Result.refused(1, "import.error.noRows");
        }
        String lower = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        CnaStore.Source source = lower.endsWith(".xlsx") ? CnaStore.Source.XLSX : CnaStore.Source.CSV;
        store.upsertValues(districtId, values, source, user.email(), clock.instant()); // one statement: all or none
        List<UUID> touched = values.stream().map(CnaValue::metricId).distinct().toList();
        return new Result(1, rows, 0, values.size(), List.of(), 0, List.of(), catalog.feedLinked(user, touched));
    }

    /**
     * Reads Ed-Fi interchanges (XML files, or zips of them) and saves the aggregates of every school of the district
     * whose state id is an Ed-Fi school id, of the district (from the schools' counts) and, for proficiency, of all
     * grades together; whole or not at all.
     */
    public Result importEdFi(SignedInUser user, List<Upload> uploads) {
        ForbiddenException.unless(mayImport(user));
        List<Upload> given = uploads.stream().filter(u -> u.size() > 0).toList();
        if (given.isEmpty()) {
            return Result.refused(0, "needs.import.error.noFiles");
        }
        long total = given.stream().mapToLong(Upload::size).sum();
        if (total > maxUpload) {
            return Result.refused(0, "needs.import.error.size", maxUploadMegabytes());
        }
        if (given.size() > MAX_FILES) {
            return Result.refused(0, "needs.import.error.files", MAX_FILES);
        }
        Path folder = null;
        try {
            List<EdFiSource> sources = new ArrayList<>();
            for (Upload upload : given) {
                String name = upload.name() == null ? "" : upload.name();
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".zip")) {
                    if (folder == null) {
                        folder = Files.createTempDirectory("lodestar-edfi");
                    }
                    Path into = Files.createDirectory(folder.resolve("zip" + sources.size()));
                    try (InputStream in = upload.opener().open()) {
                        List<EdFiSource> unpacked =
                                EdFiZip.unpack(name, in, into, maxUpload * 10, MAX_FILES - sources.size());
                        if (unpacked.isEmpty()) {
                            return Result.refused(0, "needs.import.error.emptyZip", name);
                        }
                        sources.addAll(unpacked);
                    } catch (EdFiZip.Refused refused) {
                        return Result.refused(
                                0, "needs.import.error.zip." + refused.reason(), name, maxUploadMegabytes() * 10);
                    }
                } else if (lower.endsWith(".xml")) {
                    sources.add(new EdFiSource(name, upload.opener()));
                } else {
                    return Result.refused(0, "needs.import.error.edfiType", name);
                }
            }
            EdFiResult result;
            try {
                result = EdFiReader.read(sources);
            } catch (EdFiException e) {
                List<Object> args = new ArrayList<>(e.args());
                return Result.refused(ImportProblems.of(
                        new ImportProblem(0, "needs.import.edfi." + e.kind().name(), args)));
            }
            return save(user, result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(folder);
        }
    }

    private Result save(SignedInUser user, EdFiResult result) {
        UUID districtId = user.districtId();
        Map<String, School> schools = new HashMap<>();
        directory.schools(districtId).stream()
                .filter(s -> s.stateId() != null && !s.stateId().isBlank())
                .forEach(s -> schools.put(s.stateId().strip(), s));
        Set<String> groups = groupCodes(districtId);
        ImportProblems problems = new ImportProblems();
        Map<String, String> unknown = new LinkedHashMap<>();
        for (EdFiAggregate a : result.aggregates()) {
            if (!schools.containsKey(a.schoolId())) {
                unknown.putIfAbsent(a.schoolId(), a.schoolName());
            }
        }
        unknown.forEach((id, name) -> problems.add(0, "needs.import.error.edfiSchool", id, name));
        if (!problems.isEmpty()) {
            return Result.refused(problems);
        }
        Set<String> skipped = new TreeSet<>();
        // cells: metric code | school (null for the district) | group | year | grade -> counts (numerator, n)
        Map<Cell, double[]> sums = new LinkedHashMap<>();
        Map<Cell, CnaValue> schoolValues = new LinkedHashMap<>();
        Map<String, String> subjects = new HashMap<>();
        for (EdFiAggregate a : result.aggregates()) {
            if (!groups.contains(a.group())) {
                skipped.add(a.group());
                continue;
            }
            String code = switch (a.metric()) {
                case EdFiAggregate.ATTENDANCE_RATE -> MetricCatalog.ATTENDANCE_RATE;
                case EdFiAggregate.CHRONIC_ABSENTEEISM -> MetricCatalog.CHRONIC_ABSENTEEISM;
                default -> MetricCatalog.proficiencyCode(a.subject() == null ? "" : a.subject());
            };
            if (a.subject() != null) {
                subjects.putIfAbsent(code, a.subject());
            }
            UUID school = schools.get(a.schoolId()).id();
            int year = a.schoolYear().startYear();
            String grade = a.grade() == null ? "" : a.grade();
            schoolValues.put(new Cell(code, school, a.group(), year, grade), percent(a.value(), a.n()));
            add(sums, new Cell(code, null, a.group(), year, grade), a);
            if (!grade.isEmpty()) {
                add(sums, new Cell(code, school, a.group(), year, ""), a);
                add(sums, new Cell(code, null, a.group(), year, ""), a);
            }
        }
        Map<Cell, CnaValue> all = new LinkedHashMap<>();
        sums.forEach((cell, s) -> all.put(cell, percent(s[0] / s[1], (int) s[1])));
        all.putAll(schoolValues);
        Map<String, CnaMetric> metrics = new HashMap<>();
        List<CnaValue> values = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            all.entrySet().stream()
                    .sorted(Comparator.comparing(
                            (Map.Entry<Cell, CnaValue> e) -> e.getKey().code()))
                    .forEach(e -> {
                        Cell c = e.getKey();
                        CnaMetric metric = metrics.computeIfAbsent(
                                c.code(), code -> catalog.standard(districtId, code, subjects.get(code)));
                        CnaValue v = e.getValue();
                        values.add(new CnaValue(
                                metric.id(), c.school(), c.group(), c.year(), c.grade(), v.value(), v.n()));
                    });
            store.upsertValues(districtId, values, CnaStore.Source.EDFI, user.email(), clock.instant());
        });
        int records = result.files().stream().mapToInt(EdFiFileSummary::records).sum();
        List<UUID> touched = metrics.values().stream().map(CnaMetric::id).toList();
        return new Result(
                result.files().size(),
                records,
                result.students(),
                values.size(),
                List.of(),
                0,
                new ArrayList<>(skipped),
                catalog.feedLinked(user, touched));
    }

    private record Cell(String code, UUID school, String group, int year, String grade) {}

    /** Adds an aggregate's numerator (share x n, a whole count for shares of students) and n to a wider cell. */
    private static void add(Map<Cell, double[]> sums, Cell cell, EdFiAggregate a) {
        double[] s = sums.computeIfAbsent(cell, c -> new double[2]);
        s[0] += a.value() * a.n();
        s[1] += a.n();
    }

    private static CnaValue percent(double share, int n) {
        BigDecimal value = BigDecimal.valueOf(share).multiply(HUNDRED).setScale(4, RoundingMode.HALF_UP);
        return new CnaValue(null, null, StudentGroup.ALL, 0, "", value, n);
    }

    private Set<String> groupCodes(UUID districtId) {
        Set<String> codes = new LinkedHashSet<>();
        codes.add(StudentGroup.ALL);
        directory.studentGroups(districtId).forEach(g -> codes.add(g.code()));
        return codes;
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (var walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder the system cleans
        }
    }
}
