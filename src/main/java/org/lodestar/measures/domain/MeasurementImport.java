package org.lodestar.measures.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.School;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.Measurement;
import org.lodestar.shared.SchoolYear;
import org.springframework.stereotype.Service;

/**
 * Reads measurements from a CSV or XLSX file with the columns {@code kpi, school_year, period, school, group, value,
 * n}. The file is applied whole or not at all: every bad row is reported with its line number and reason.
 */
@Service
public class MeasurementImport {

    static final List<String> COLUMNS = List.of("kpi", "school_year", "period", "school", "group", "value", "n");

    private final KpiStore kpis;
    private final DirectoryApi directory;
    private final KpiEditing editing;

    MeasurementImport(KpiStore kpis, DirectoryApi directory, KpiEditing editing) {
        this.kpis = kpis;
        this.directory = directory;
        this.editing = editing;
    }

    /** A reason a row was refused, as a message key and its arguments, so that it is shown in the reader's language. */
    public record Problem(int line, String code, List<Object> args) {}

    /** What an import did: how many values it recorded, or why it recorded none. */
    public record Result(int recorded, List<Problem> problems) {
        public boolean applied() {
            return problems.isEmpty();
        }
    }

    public Result importFile(SignedInUser user, String filename, InputStream content) throws IOException {
        List<Map<String, String>> rows;
        List<Problem> problems = new ArrayList<>();
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (!name.endsWith(".xlsx") && !name.endsWith(".csv") && !name.endsWith(".txt")) {
            return new Result(0, List.of(new Problem(0, "import.error.fileType", List.of())));
        }
        try {
            rows = name.endsWith(".xlsx") ? readXlsx(content) : readCsv(content);
        } catch (IOException | RuntimeException unreadable) {
            // a broken quote, or a file that is not really a workbook: the reader's words, nothing saved
            return new Result(0, List.of(new Problem(0, "import.error.unreadable", List.of())));
        }
        if (rows.isEmpty()) {
            return new Result(0, List.of(new Problem(0, "import.error.empty", List.of())));
        }
        List<String> missing = COLUMNS.stream()
                .filter(column -> !rows.get(0).containsKey(column))
                .filter(column -> !column.equals("period")
                        && !column.equals("n")
                        && !column.equals("school")
                        && !column.equals("group"))
                .toList();
        if (!missing.isEmpty()) {
            return new Result(0, List.of(new Problem(1, "import.error.columns", List.of(String.join(", ", missing)))));
        }
        Lookup lookup = new Lookup(user);
        List<Measurement> measurements = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            int line = i + 2;
            Map<String, String> row = rows.get(i);
            if (row.values().stream().allMatch(String::isBlank)) {
                continue;
            }
            List<Problem> rowProblems = new ArrayList<>();
            Measurement m = parse(row, line, lookup, user, rowProblems);
            if (m != null) {
                String cell =
                        m.kpiId() + "|" + m.schoolYear() + "|" + m.period() + "|" + m.schoolId() + "|" + m.groupCode();
                Integer earlier = seen.putIfAbsent(cell, line);
                if (earlier != null) {
                    rowProblems.add(new Problem(line, "import.error.duplicate", List.of(earlier)));
                }
            }
            problems.addAll(rowProblems);
            if (rowProblems.isEmpty()) {
                measurements.add(m);
            }
        }
        if (!problems.isEmpty()) {
            return new Result(0, problems);
        }
        editing.record(user, measurements);
        return new Result(measurements.size(), List.of());
    }

    private Measurement parse(
            Map<String, String> row, int line, Lookup lookup, SignedInUser user, List<Problem> problems) {
        Kpi kpi = lookup.kpi(row.get("kpi")).orElse(null);
        if (kpi == null) {
            problems.add(new Problem(line, "import.error.kpi", List.of(row.get("kpi"))));
        }
        Integer year = null;
        try {
            year = SchoolYear.parse(row.get("school_year")).startYear();
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(line, "import.error.year", List.of(row.get("school_year"))));
        }
        int period = 0;
        String periodText = row.getOrDefault("period", "");
        if (!periodText.isBlank()) {
            try {
                period = Integer.parseInt(periodText.strip());
                if (period < 0 || period > 12) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.add(new Problem(line, "import.error.period", List.of(periodText)));
            }
        }
        UUID schoolId = null;
        String schoolText = row.getOrDefault("school", "");
        if (!schoolText.isBlank()) {
            Optional<School> school = lookup.school(schoolText);
            if (school.isEmpty()) {
                problems.add(new Problem(line, "import.error.school", List.of(schoolText)));
            } else {
                schoolId = school.get().id();
            }
        }
        String group = row.getOrDefault("group", "").isBlank()
                ? StudentGroup.ALL
                : row.get("group").strip().toUpperCase(Locale.ROOT);
        if (!lookup.groups.contains(group)) {
            problems.add(new Problem(line, "import.error.group", List.of(group)));
        }
        BigDecimal value = null;
        try {
            value = new BigDecimal(row.get("value").strip());
            if (value.abs().compareTo(new BigDecimal("1e10")) >= 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException | NullPointerException e) {
            problems.add(new Problem(line, "import.error.value", List.of(String.valueOf(row.get("value")))));
        }
        Integer n = null;
        String nText = row.getOrDefault("n", "");
        if (!nText.isBlank()) {
            try {
                n = Integer.parseInt(nText.strip());
                if (n < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.add(new Problem(line, "import.error.n", List.of(nText)));
            }
        }
        if (problems.isEmpty() && !editing.canRecord(user, kpi, schoolId)) {
            problems.add(new Problem(
                    line, "import.error.forbidden", List.of(schoolText.isBlank() ? "district" : schoolText)));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Measurement(kpi.id(), year, period, schoolId, group, value, n);
    }

    private static List<Map<String, String>> readCsv(InputStream content) throws IOException {
        Reader reader = new InputStreamReader(content, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setTrim(true)
                .get();
        List<Map<String, String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord record : parser) {
                Map<String, String> row = new HashMap<>();
                parser.getHeaderNames()
                        .forEach(header -> row.put(
                                header.strip().toLowerCase(Locale.ROOT).replace("\uFEFF", ""),
                                record.isSet(header) ? record.get(header) : ""));
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<Map<String, String>> readXlsx(InputStream content) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(content)) {
            List<Row> sheet = workbook.getFirstSheet().read();
            if (sheet.isEmpty()) {
                return rows;
            }
            List<String> headers = new ArrayList<>();
            sheet.get(0)
                    .forEach(cell -> headers.add(
                            cell == null ? "" : cell.getText().strip().toLowerCase(Locale.ROOT)));
            for (Row source : sheet.subList(1, sheet.size())) {
                Map<String, String> row = new HashMap<>();
                for (int c = 0; c < headers.size(); c++) {
                    row.put(
                            headers.get(c),
                            source.getCellText(c) == null
                                    ? ""
                                    : source.getCellText(c).strip());
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The district's KPIs, schools and groups, looked up by what people write in a file. */
    private final class Lookup {
        private final List<Kpi> kpiList;
        private final List<School> schools;
        private final List<String> groups;

        Lookup(SignedInUser user) {
            kpiList = kpis.all(user.districtId());
            schools = directory.schools(user.districtId());
            groups = directory.studentGroups(user.districtId()).stream()
                    .map(StudentGroup::code)
                    .toList();
        }

        Optional<Kpi> kpi(String text) {
            String value = text == null ? "" : text.strip();
            return kpiList.stream()
                    .filter(kpi -> kpi.id().toString().equalsIgnoreCase(value)
                            || kpi.name().equalsIgnoreCase(value))
                    .findFirst();
        }

        Optional<School> school(String text) {
            String value = text.strip();
            return schools.stream()
                    .filter(school -> school.name().equalsIgnoreCase(value) || value.equalsIgnoreCase(school.stateId()))
                    .findFirst();
        }
    }
}
