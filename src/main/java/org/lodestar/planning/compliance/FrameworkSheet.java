package org.lodestar.planning.compliance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.lodestar.shared.tabular.ImportProblem;
import org.lodestar.shared.tabular.ImportRefused;
import org.lodestar.shared.tabular.TabularFile;
import org.lodestar.shared.tabular.TabularLimits;
import org.lodestar.shared.tabular.TabularRow;

/**
 * A framework as a workbook, for admins who edit in a spreadsheet: one row per component in the framework's order, the
 * framework's own fields (code, version, jurisdiction, titles...) in the first columns of every row. Reading is as strict
 * as {@link FrameworkFile}'s: a missing or unknown column, a framework field that differs between rows, a level or a
 * yes/no that is not one, and every problem {@link FrameworkFile} finds refuse the whole workbook, each problem with its
 * row; a file larger than a framework file may be is refused before it is read.
 */
public final class FrameworkSheet {

    static final List<String> FRAMEWORK_COLUMNS = List.of(
            "framework_code",
            "framework_version",
            "jurisdiction",
            "framework_level",
            "framework_funds",
            "framework_citation",
            "framework_title_en",
            "framework_title_es",
            "framework_short_title_en",
            "framework_short_title_es",
            "purpose_en",
            "purpose_es",
            "review_cadence_en",
            "review_cadence_es");

    static final List<String> COMPONENT_COLUMNS = List.of(
            "code",
            "title_en",
            "title_es",
            "requirement_en",
            "requirement_es",
            "citation",
            "level",
            "funds",
            "to_be_checked",
            "sources");

    /** Bounded like a framework file: no more bytes, one row per component at most, cells as long as a requirement. */
    static final TabularLimits LIMITS = new TabularLimits(
            FrameworkFile.MAX_BYTES,
            20L * 1024 * 1024,
            100,
            FrameworkFile.MAX_COMPONENTS + 10,
            FRAMEWORK_COLUMNS.size() + COMPONENT_COLUMNS.size(),
            FrameworkFile.MAX_TEXT);

    private static final Set<String> YES = Set.of("yes", "y", "true", "1", "sí", "si", "x");
    private static final Set<String> NO = Set.of("no", "n", "false", "0", "");

    private FrameworkSheet() {}

    public static byte[] write(Framework framework) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Workbook workbook = new Workbook(out, "Lodestar", "1.0");
            Worksheet sheet = workbook.newWorksheet("framework");
            List<String> columns = new ArrayList<>(FRAMEWORK_COLUMNS);
            columns.addAll(COMPONENT_COLUMNS);
            for (int c = 0; c < columns.size(); c++) {
                sheet.value(0, c, columns.get(c));
                sheet.style(0, c).bold().set();
            }
            sheet.freezePane(0, 1);
            List<String> head = frameworkCells(framework);
            for (int i = 0; i < framework.components().size(); i++) {
                List<String> cells = new ArrayList<>(head);
                cells.addAll(componentCells(framework.components().get(i)));
                for (int c = 0; c < cells.size(); c++) {
                    if (cells.get(c) != null) {
                        sheet.value(i + 1, c, cells.get(c));
                    }
                }
            }
            workbook.finish();
            return out.toByteArray();
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    /** Reads a workbook written by {@link #write} (or by hand in its shape); nothing is taken unless all of it reads. */
    public static Framework read(String filename, InputStream content) throws FrameworkFileRefused {
        List<ImportProblem> problems = new ArrayList<>();
        List<TabularRow> rows = new ArrayList<>();
        try (TabularFile file = TabularFile.open(filename, content, LIMITS)) {
            List<String> wanted = new ArrayList<>(FRAMEWORK_COLUMNS);
            wanted.addAll(COMPONENT_COLUMNS);
            List<String> missing = file.missing(wanted);
            if (!missing.isEmpty()) {
                problems.add(ImportProblem.of(1, "compliance.sheet.missingColumns", String.join(", ", missing)));
            }
            List<String> unknown = file.header().stream()
                    .filter(column -> !column.isEmpty() && !wanted.contains(column))
                    .toList();
            if (!unknown.isEmpty()) {
                problems.add(ImportProblem.of(1, "compliance.sheet.unknownColumns", String.join(", ", unknown)));
            }
            if (!problems.isEmpty()) {
                throw new FrameworkFileRefused(problems);
            }
            for (TabularRow row = file.next(); row != null; row = file.next()) {
                rows.add(row);
            }
        } catch (ImportRefused refused) {
            throw new FrameworkFileRefused(List.of(refused.problem()));
        }
        if (rows.isEmpty()) {
            throw new FrameworkFileRefused(List.of(ImportProblem.of(0, "compliance.file.noComponents")));
        }
        TabularRow first = rows.get(0);
        for (TabularRow row : rows.subList(1, rows.size())) {
            for (String column : FRAMEWORK_COLUMNS) {
                String cell = row.get(column);
                if (!cell.isBlank() && !cell.strip().equals(first.get(column).strip())) {
                    problems.add(
                            ImportProblem.of(row.line(), "compliance.sheet.frameworkDiffers", column, first.line()));
                }
            }
        }
        int version = 0;
        String versionCell = first.get("framework_version").strip();
        try {
            version = versionCell.isEmpty() ? 1 : Integer.parseInt(versionCell.replaceAll("\\.0+$", ""));
        } catch (NumberFormatException notANumber) {
            problems.add(
                    ImportProblem.of(first.line(), "compliance.sheet.notANumber", "framework_version", versionCell));
        }
        PlanLevel level = level(first, "framework_level", problems);
        List<Component> components = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (TabularRow row : rows) {
            components.add(new Component(
                    blankToNull(row.get("code")),
                    wording(row, "title_en", "title_es"),
                    wording(row, "requirement_en", "requirement_es"),
                    blankToNull(row.get("citation")),
                    level(row, "level", problems),
                    list(row.get("funds")),
                    yesNo(row, problems),
                    Arrays.stream(row.get("sources").split("\\s+"))
                            .filter(source -> !source.isBlank())
                            .toList()));
            lines.add(row.line());
        }
        Framework framework = new Framework(
                blankToNull(first.get("framework_code")),
                version,
                blankToNull(first.get("jurisdiction")),
                level,
                list(first.get("framework_funds")),
                blankToNull(first.get("framework_citation")),
                wording(first, "framework_title_en", "framework_title_es"),
                wording(first, "framework_short_title_en", "framework_short_title_es"),
                wording(first, "purpose_en", "purpose_es"),
                wording(first, "review_cadence_en", "review_cadence_es"),
                components);
        problems.addAll(FrameworkFile.problems(framework, first.line(), lines));
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(ImportProblem::line));
            throw new FrameworkFileRefused(problems);
        }
        return framework;
    }

    private static List<String> frameworkCells(Framework f) {
        return Arrays.asList(
                f.code(),
                String.valueOf(f.version()),
                f.jurisdiction(),
                f.level().name(),
                String.join(", ", f.funds()),
                f.citation(),
                en(f.title()),
                es(f.title()),
                en(f.shortTitle()),
                es(f.shortTitle()),
                en(f.purpose()),
                es(f.purpose()),
                en(f.reviewCadence()),
                es(f.reviewCadence()));
    }

    private static List<String> componentCells(Component c) {
        return Arrays.asList(
                c.code(),
                en(c.title()),
                es(c.title()),
                en(c.requirement()),
                es(c.requirement()),
                c.citation(),
                c.level() == null ? null : c.level().name(),
                String.join(", ", c.funds()),
                c.toBeChecked() ? "yes" : "no",
                String.join("\n", c.sources()));
    }

    private static PlanLevel level(TabularRow row, String column, List<ImportProblem> problems) {
        String cell = row.get(column).strip().toUpperCase(Locale.ROOT);
        if (cell.isEmpty()) {
            return null; // reported as missing by the framework's checks
        }
        try {
            return PlanLevel.valueOf(cell);
        } catch (IllegalArgumentException notALevel) {
            problems.add(ImportProblem.of(row.line(), "compliance.sheet.level", column, row.get(column)));
            return PlanLevel.DISTRICT;
        }
    }

    private static boolean yesNo(TabularRow row, List<ImportProblem> problems) {
        String cell = row.get("to_be_checked").strip().toLowerCase(Locale.ROOT);
        if (YES.contains(cell)) {
            return true;
        }
        if (!NO.contains(cell)) {
            problems.add(ImportProblem.of(row.line(), "compliance.sheet.yesNo", "to_be_checked", cell));
        }
        return false;
    }

    private static List<String> list(String cell) {
        return Arrays.stream(cell.split("[,\\s]+"))
                .filter(part -> !part.isBlank())
                .toList();
    }

    /** Both cells blank is no wording at all, as a JSON file that leaves the field out. */
    private static Wording wording(TabularRow row, String en, String es) {
        Wording wording = new Wording(row.get(en), row.get(es));
        return wording.missing() ? null : wording;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String en(Wording wording) {
        return wording == null ? null : wording.en();
    }

    private static String es(Wording wording) {
        return wording == null ? null : wording.es();
    }
}
