package org.lodestar.measures.domain;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.School;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.Measurement;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.SchoolYear;
import org.lodestar.shared.tabular.ImportProblem;
import org.lodestar.shared.tabular.ImportProblems;
import org.lodestar.shared.tabular.ImportRefused;
import org.lodestar.shared.tabular.TabularFile;
import org.lodestar.shared.tabular.TabularLimits;
import org.lodestar.shared.tabular.TabularRow;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;

/**
 * Reads measurements from a CSV or XLSX file with the columns {@code kpi, school_year, period, school, group, value,
 * n}; n is required for a school or group value of a KPI about students. The file is applied whole or not at all: every bad row is reported with its line number and reason (the first
 * {@link ImportProblems#SHOWN} of them, and how many more).
 */
@Service
public class MeasurementImport {

    /** Columns a file must have; period, school, group and n may be left out. */
    static final List<String> REQUIRED = List.of("kpi", "school_year", "value");

    private final KpiStore kpis;
    private final DirectoryApi directory;
    private final KpiEditing editing;
    private final ValueRecording recording;

    MeasurementImport(KpiStore kpis, DirectoryApi directory, KpiEditing editing, ValueRecording recording) {
        this.kpis = kpis;
        this.directory = directory;
        this.editing = editing;
        this.recording = recording;
    }

    /** What an import did: how many values it recorded, or the first problems that stopped it and how many more. */
    public record Result(int recorded, List<ImportProblem> problems, int moreProblems) {
        public boolean applied() {
            return problems.isEmpty();
        }

        static Result refused(ImportProblems problems) {
            return new Result(0, problems.shown(), problems.more());
        }
    }

    /**
     * Reads and records a file, whole or not at all. Who may not record any value is refused before the file is
     * opened; the file is streamed within {@link TabularLimits#DEFAULT} and refused past them.
     */
    public Result importFile(SignedInUser user, String filename, InputStreamSource content) throws IOException {
        return importFile(user, filename, content, null);
    }

    /**
     * The same, by a district admin giving {@code lockReason} for rows of a locked quarter (null or blank: none, and
     * then each such row is refused, naming its quarter).
     */
    public Result importFile(SignedInUser user, String filename, InputStreamSource content, String lockReason)
            throws IOException {
        ForbiddenException.unless(user.canRecordMeasurements(null) || user.recordingSchool() != null);
        try (InputStream in = content.getInputStream();
                TabularFile file = TabularFile.open(filename, in, TabularLimits.DEFAULT)) {
            List<String> missing = file.missing(REQUIRED);
            if (!missing.isEmpty()) {
                return Result.refused(
                        ImportProblems.of(ImportProblem.of(1, "import.error.columns", String.join(", ", missing))));
            }
            return read(user, file, lockReason);
        } catch (ImportRefused refused) {
            return Result.refused(ImportProblems.of(refused.problem()));
        }
    }

    private Result read(SignedInUser user, TabularFile file, String lockReason) throws ImportRefused {
        Lookup lookup = new Lookup(user);
        ImportProblems problems = new ImportProblems();
        List<Measurement> measurements = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (TabularRow row = file.next(); row != null; row = file.next()) {
            int line = row.line();
            List<ImportProblem> rowProblems = new ArrayList<>();
            Measurement m = parse(row, line, lookup, user, rowProblems, lockReason);
            if (m != null) {
                String cell =
                        m.kpiId() + "|" + m.schoolYear() + "|" + m.period() + "|" + m.schoolId() + "|" + m.groupCode();
                Integer earlier = seen.putIfAbsent(cell, line);
                if (earlier != null) {
                    rowProblems.add(ImportProblem.of(line, "import.error.duplicate", earlier));
                }
            }
            rowProblems.forEach(problems::add);
            if (rowProblems.isEmpty() && problems.isEmpty()) {
                measurements.add(m);
            }
        }
        if (!problems.isEmpty()) {
            return Result.refused(problems);
        }
        if (measurements.isEmpty()) {
            // a header alone is a mistake worth saying, not "recorded 0 values"
            return Result.refused(ImportProblems.of(ImportProblem.of(1, "import.error.noRows")));
        }
        recording.record(user, measurements, lockReason);
        return new Result(measurements.size(), List.of(), 0);
    }

    private Measurement parse(
            TabularRow row,
            int line,
            Lookup lookup,
            SignedInUser user,
            List<ImportProblem> problems,
            String lockReason) {
        Kpi kpi = lookup.kpi(row.get("kpi")).orElse(null);
        if (kpi == null) {
            problems.add(ImportProblem.of(line, "import.error.kpi", row.get("kpi")));
        }
        Integer year = null;
        try {
            year = SchoolYear.parse(row.get("school_year")).startYear();
        } catch (IllegalArgumentException e) {
            problems.add(ImportProblem.of(line, "import.error.year", row.get("school_year")));
        }
        if (year != null && kpi != null) {
            lookup.rules
                    .years(kpi)
                    .check(year)
                    .ifPresent(refused -> problems.add(new ImportProblem(line, refused.code(), refused.args())));
        }
        int period = 0;
        String periodText = row.get("period");
        if (!periodText.isBlank()) {
            try {
                period = Integer.parseInt(periodText.strip());
                if (period < 0 || period > 12) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.add(ImportProblem.of(line, "import.error.period", periodText));
            }
        }
        UUID schoolId = null;
        String schoolText = row.get("school");
        if (!schoolText.isBlank()) {
            Optional<School> school = lookup.school(schoolText);
            if (school.isEmpty()) {
                problems.add(ImportProblem.of(line, "import.error.school", schoolText));
            } else {
                schoolId = school.get().id();
            }
        }
        String group = row.get("group").isBlank()
                ? StudentGroup.ALL
                : row.get("group").strip().toUpperCase(Locale.ROOT);
        if (!lookup.groups.contains(group)) {
            problems.add(ImportProblem.of(line, "import.error.group", group));
        }
        BigDecimal value = number(row.get("value"));
        if (value == null) {
            problems.add(ImportProblem.of(line, "import.error.value", row.get("value")));
        } else if (kpi != null) {
            ValueRule.value(kpi.unit(), value)
                    .ifPresent(refused -> problems.add(new ImportProblem(line, refused.code(), refused.args())));
        }
        Integer n = null;
        String nText = row.get("n");
        if (!nText.isBlank()) {
            BigDecimal count = number(nText);
            var refused = count == null ? Optional.of("") : ValueRule.n(count);
            if (refused.isPresent()) {
                problems.add(ImportProblem.of(line, "import.error.n", nText));
            } else {
                n = count.intValueExact();
            }
        } else if (kpi != null) {
            ValueRule.n(kpi, schoolId, group, null)
                    .ifPresent(refused -> problems.add(new ImportProblem(line, refused.code(), refused.args())));
        }
        if (problems.isEmpty() && !lookup.rules.mayRecord(kpi, schoolId)) {
            problems.add(
                    ImportProblem.of(line, "import.error.forbidden", schoolText.isBlank() ? "district" : schoolText));
        }
        if (problems.isEmpty()) {
            lookup.rules
                    .lock(kpi, year, period, lockReason)
                    .ifPresent(refused -> problems.add(new ImportProblem(line, refused.code(), refused.args())));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Measurement(kpi.id(), year, period, schoolId, group, value, n);
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The district's KPIs, schools and groups, read once and found by what people write in a file (a KPI by id or
     * name, a school by name or state id, in any case; the first in order where two match), and the rules of recording
     * their values, looked up once per KPI's plan.
     */
    private final class Lookup {
        private final Map<String, Kpi> kpisByText = new HashMap<>();
        private final Map<String, School> schoolsByText = new HashMap<>();
        private final Set<String> groups;
        private final RecordingRules rules;

        Lookup(SignedInUser user) {
            for (Kpi kpi : kpis.all(user.districtId())) {
                kpisByText.putIfAbsent(key(kpi.id().toString()), kpi);
                kpisByText.putIfAbsent(key(kpi.name()), kpi);
            }
            for (School school : directory.schools(user.districtId())) {
                schoolsByText.putIfAbsent(key(school.name()), school);
                if (school.stateId() != null) {
                    schoolsByText.putIfAbsent(key(school.stateId()), school);
                }
            }
            groups = directory.studentGroups(user.districtId()).stream()
                    .map(StudentGroup::code)
                    .collect(Collectors.toSet());
            rules = editing.recordingRules(user);
        }

        Optional<Kpi> kpi(String text) {
            return Optional.ofNullable(kpisByText.get(key(text == null ? "" : text)));
        }

        Optional<School> school(String text) {
            return Optional.ofNullable(schoolsByText.get(key(text)));
        }

        private static String key(String text) {
            return text.strip().toLowerCase(Locale.ROOT);
        }
    }
}
