package org.lodestar.planning.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.lodestar.planning.compliance.JsonLines;
import org.lodestar.shared.tabular.ImportProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plan as a file: one row per item in a CSV file or an XLSX sheet (the columns of {@link #COLUMNS}, each item's parent
 * named by its code), or the whole plan as JSON. Rows are kept as the text of their cells, so that the one check in
 * {@link PlanTransfer} reports every format's problems alike.
 */
final class PlanFile {

    /** The columns of a CSV or XLSX plan, in order. */
    static final List<String> COLUMNS = List.of(
            "code",
            "parent",
            "tier",
            "title",
            "title_translation",
            "owner",
            "description",
            "start",
            "end",
            "resources",
            "needs",
            "evidence_tier",
            "evidence_basis",
            "implementation_evidence",
            "impact_evidence",
            "student_groups",
            "costs",
            "tags");

    /** Columns a file must have; the others may be left out. */
    static final List<String> REQUIRED = List.of("code", "parent", "tier", "title");

    static final String FORMAT = "lodestar-plan";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private PlanFile() {}

    /** One item as its file wrote it: its line, and each column's text ("" when empty). */
    record Row(int line, Map<String, String> cells) {
        String get(String column) {
            String text = cells.get(column);
            return text == null ? "" : text.strip();
        }
    }

    /** A whole plan as JSON. */
    record PlanJson(String format, Integer version, String language, PlanFields plan, List<ItemJson> items) {}

    /** A plan's own fields; school years as 2025-26, the school by name (none: the district's). */
    record PlanFields(
            String kind,
            String title,
            String titleTranslation,
            String vision,
            String visionTranslation,
            String mission,
            String missionTranslation,
            String coreValues,
            String coreValuesTranslation,
            String firstYear,
            String lastYear,
            String school,
            StrategicRef strategicPlan) {}

    /** The strategic plan an improvement plan carries out, found by id, else by title, in the district it goes to. */
    record StrategicRef(UUID id, String title) {}

    record ItemJson(
            String code,
            String parent,
            String tier,
            String title,
            String titleTranslation,
            String owner,
            String description,
            String start,
            String end,
            String resources,
            String needs,
            String evidenceTier,
            String evidenceBasis,
            String implementationEvidence,
            String impactEvidence,
            List<String> studentGroups,
            List<CostJson> costs,
            List<TagJson> tags) {}

    record CostJson(String fund, String purpose, BigDecimal amount) {}

    record TagJson(String framework, String component) {}

    /** A JSON plan read, each item as a row on the line its object starts. */
    record JsonRead(PlanJson plan, List<Row> rows) {}

    /** Thrown when a JSON file cannot be read at all. */
    static final class Unreadable extends Exception {
        private final transient ImportProblem problem;

        Unreadable(ImportProblem problem) {
            super(problem.code(), null, false, false);
            this.problem = problem;
        }

        ImportProblem problem() {
            return problem;
        }
    }

    static JsonRead readJson(byte[] json) throws Unreadable {
        PlanJson plan;
        try {
            plan = MAPPER.readValue(json, PlanJson.class);
        } catch (JacksonException unreadable) {
            throw new Unreadable(problemOf(unreadable));
        }
        if (plan == null || plan.plan() == null || !FORMAT.equals(plan.format())) {
            throw new Unreadable(ImportProblem.of(1, "planio.file.notAPlan", FORMAT));
        }
        List<Integer> lines = JsonLines.ofArray(MAPPER, json, "items");
        List<Row> rows = new ArrayList<>();
        List<ItemJson> items = plan.items() == null ? List.of() : plan.items();
        for (int i = 0; i < items.size(); i++) {
            rows.add(row(i < lines.size() ? lines.get(i) : 0, items.get(i)));
        }
        return new JsonRead(plan, rows);
    }

    /** An item of a JSON file as the row a CSV file would hold for it. */
    private static Row row(int line, ItemJson item) {
        Map<String, String> cells = new LinkedHashMap<>();
        if (item == null) {
            return new Row(line, cells);
        }
        cells.put("code", item.code());
        cells.put("parent", item.parent());
        cells.put("tier", item.tier());
        cells.put("title", item.title());
        cells.put("title_translation", item.titleTranslation());
        cells.put("owner", item.owner());
        cells.put("description", item.description());
        cells.put("start", item.start());
        cells.put("end", item.end());
        cells.put("resources", item.resources());
        cells.put("needs", item.needs());
        cells.put("evidence_tier", item.evidenceTier());
        cells.put("evidence_basis", item.evidenceBasis());
        cells.put("implementation_evidence", item.implementationEvidence());
        cells.put("impact_evidence", item.impactEvidence());
        cells.put("student_groups", item.studentGroups() == null ? null : String.join(";", item.studentGroups()));
        if (item.costs() != null) {
            List<String> costs = new ArrayList<>();
            for (CostJson cost : item.costs()) {
                costs.add(
                        cost == null
                                ? ""
                                : cost.fund() + ":" + cost.purpose() + ":"
                                        + (cost.amount() == null
                                                ? ""
                                                : cost.amount().toPlainString()));
            }
            cells.put("costs", String.join(";", costs));
        }
        if (item.tags() != null) {
            List<String> tags = new ArrayList<>();
            for (TagJson tag : item.tags()) {
                tags.add(tag == null ? "" : tag.framework() + ":" + tag.component());
            }
            cells.put("tags", String.join(";", tags));
        }
        return new Row(line, cells);
    }

    static byte[] writeJson(PlanJson plan) {
        return MAPPER.writeValueAsBytes(plan);
    }

    /** The rows as CSV with a header, UTF-8 with a byte-order mark so that spreadsheet programs read accents right. */
    static byte[] writeCsv(List<Map<String, String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter csv =
                new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            csv.printRecord(COLUMNS);
            for (Map<String, String> row : rows) {
                csv.printRecord(
                        COLUMNS.stream().map(c -> row.getOrDefault(c, "")).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The rows as the first sheet of a workbook, every cell as text (a date stays 2025-09-01, a code stays 1.10). */
    static byte[] writeXlsx(List<Map<String, String>> rows, String sheetName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "Lodestar", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName);
            for (int c = 0; c < COLUMNS.size(); c++) {
                sheet.value(0, c, COLUMNS.get(c));
                sheet.style(0, c).bold().set();
            }
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < COLUMNS.size(); c++) {
                    String text = rows.get(r).getOrDefault(COLUMNS.get(c), "");
                    if (!text.isEmpty()) {
                        sheet.value(r + 1, c, text);
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static ImportProblem problemOf(JacksonException unreadable) {
        int line =
                unreadable.getLocation() == null ? 0 : unreadable.getLocation().getLineNr();
        if (unreadable instanceof UnrecognizedPropertyException unknown) {
            return ImportProblem.of(line, "planio.file.unknownField", unknown.getPropertyName());
        }
        if (unreadable instanceof StreamReadException) {
            return ImportProblem.of(line, "planio.file.syntax");
        }
        String field = unreadable.getPath().isEmpty()
                ? ""
                : String.valueOf(unreadable
                        .getPath()
                        .get(unreadable.getPath().size() - 1)
                        .getPropertyName());
        return ImportProblem.of(line, "planio.file.badValue", field);
    }
}
