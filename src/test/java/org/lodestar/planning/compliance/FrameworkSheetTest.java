package org.lodestar.planning.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.lodestar.shared.tabular.ImportProblem;

/**
 * A framework as a workbook: every shipped framework goes from its JSON file to XLSX and back unchanged, and a workbook
 * with wrong rows is refused whole, each problem at its row.
 */
class FrameworkSheetTest {

    @Test
    void everyShippedFrameworkGoesFromJsonToXlsxAndBackUnchanged() throws Exception {
        List<Path> files;
        try (Stream<Path> listed = Files.list(Path.of("src/main/resources/compliance/frameworks"))) {
            files = listed.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(15);
        for (Path file : files) {
            Framework fromJson = FrameworkFile.read(Files.readAllBytes(file));

            byte[] xlsx = FrameworkSheet.write(fromJson);
            Framework fromXlsx = FrameworkSheet.read("framework.xlsx", new ByteArrayInputStream(xlsx));

            assertThat(fromXlsx).as(file.getFileName().toString()).isEqualTo(fromJson);
            assertThat(FrameworkFile.write(fromXlsx)).isEqualTo(FrameworkFile.write(fromJson));
        }
    }

    @Test
    void aWorkbookWithWrongRowsIsRefusedWholeWithEveryRow() throws Exception {
        List<String> header = Stream.concat(
                        FrameworkSheet.FRAMEWORK_COLUMNS.stream(), FrameworkSheet.COMPONENT_COLUMNS.stream())
                .toList();
        List<String> framework = List.of(
                "wi-reading",
                "1",
                "WI",
                "SCHOOL",
                "",
                "Wis. Stat. 118.016",
                "Reading readiness plan",
                "",
                "",
                "",
                "",
                "",
                "",
                "");
        byte[] xlsx = workbook(
                header,
                row(framework, "R-1", "Screening", "Screen K-3.", "118.016(1)", "SCHOOL", "", "no"),
                row(framework, "R-1", "Again", "Twice.", "118.016(2)", "SCHOOL", "", "no"),
                row(framework, "R-3", "Plans", "Write a plan.", "118.016(3)", "CAMPUS", "state aid", "maybe"),
                row(
                        List.of(
                                "wi-reading",
                                "2",
                                "WI",
                                "SCHOOL",
                                "",
                                "Wis. Stat. 118.016",
                                "Reading readiness plan",
                                "",
                                "",
                                "",
                                "",
                                "",
                                "",
                                ""),
                        "R-4",
                        "",
                        "Notify parents.",
                        "",
                        "SCHOOL",
                        "",
                        ""));

        assertThatThrownBy(() -> FrameworkSheet.read("reading.xlsx", new ByteArrayInputStream(xlsx)))
                .isInstanceOfSatisfying(
                        FrameworkFileRefused.class,
                        refused -> assertThat(refused.problems())
                                .extracting(ImportProblem::line, ImportProblem::code)
                                .containsExactly(
                                        org.assertj.core.groups.Tuple.tuple(3, "compliance.file.repeatedCode"),
                                        org.assertj.core.groups.Tuple.tuple(4, "compliance.sheet.level"),
                                        org.assertj.core.groups.Tuple.tuple(4, "compliance.sheet.yesNo"),
                                        org.assertj.core.groups.Tuple.tuple(4, "compliance.file.fund"),
                                        org.assertj.core.groups.Tuple.tuple(5, "compliance.sheet.frameworkDiffers"),
                                        org.assertj.core.groups.Tuple.tuple(5, "compliance.file.missing"),
                                        org.assertj.core.groups.Tuple.tuple(5, "compliance.file.missing")));
    }

    @Test
    void aWorkbookOfAnotherShapeIsRefusedByItsColumns() throws Exception {
        byte[] xlsx = workbook(List.of("code", "title", "colour"), List.of("R-1", "Screening", "red"));

        assertThatThrownBy(() -> FrameworkSheet.read("other.xlsx", new ByteArrayInputStream(xlsx)))
                .isInstanceOfSatisfying(
                        FrameworkFileRefused.class,
                        refused -> assertThat(refused.problems())
                                .extracting(ImportProblem::code)
                                .containsExactly("compliance.sheet.missingColumns", "compliance.sheet.unknownColumns"));
        assertThatThrownBy(() -> FrameworkSheet.read("big.xlsx", new ByteArrayInputStream(new byte[2_000_000])))
                .isInstanceOf(FrameworkFileRefused.class);
    }

    private static List<String> row(
            List<String> framework,
            String code,
            String title,
            String requirement,
            String citation,
            String level,
            String funds,
            String toBeChecked) {
        return Stream.concat(
                        framework.stream(),
                        Stream.of(code, title, "", requirement, "", citation, level, funds, toBeChecked, ""))
                .toList();
    }

    @SafeVarargs
    private static byte[] workbook(List<String> header, List<String>... rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("framework");
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
        }
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].size(); c++) {
                if (!rows[r].get(c).isEmpty()) {
                    sheet.value(r + 1, c, rows[r].get(c));
                }
            }
        }
        workbook.finish();
        return out.toByteArray();
    }
}
