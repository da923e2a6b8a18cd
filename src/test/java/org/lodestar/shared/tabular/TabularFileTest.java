package org.lodestar.shared.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.lodestar.support.Workbooks;

class TabularFileTest {

    private static final TabularLimits LIMITS = TabularLimits.DEFAULT;

    private static List<TabularRow> readAll(String name, byte[] content, TabularLimits limits) throws ImportRefused {
        List<TabularRow> rows = new ArrayList<>();
        try (TabularFile file = TabularFile.open(name, new ByteArrayInputStream(content), limits)) {
            for (TabularRow row = file.next(); row != null; row = file.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static ImportProblem refusal(String name, byte[] content, TabularLimits limits) {
        return ((ImportRefused) org.assertj.core.api.Assertions.catchThrowable(() -> readAll(name, content, limits)))
                .problem();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsCsvByLowerCaseHeaderSkippingBlankRows() throws Exception {
        byte[] csv = utf8("\uFEFFKpi , Value\nGraduation, 87.5\n,\n\nAttendance,91,extra\n");
        try (TabularFile file = TabularFile.open("v.csv", new ByteArrayInputStream(csv), LIMITS)) {
            assertThat(file.header()).containsExactly("kpi", "value");
            assertThat(file.missing(List.of("kpi", "n", "value"))).containsExactly("n");
            TabularRow first = file.next();
            assertThat(first.line()).isEqualTo(2);
            assertThat(first.get("kpi")).isEqualTo("Graduation");
            assertThat(first.get("value")).isEqualTo("87.5");
            assertThat(first.get("n")).isEmpty();
            TabularRow second = file.next();
            assertThat(second.get("kpi")).isEqualTo("Attendance");
            assertThat(second.line()).isEqualTo(4);
            assertThat(file.next()).isNull();
        }
    }

    @Test
    void readsTheFirstSheetOfAWorkbook() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(bytes, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("values");
            sheet.value(0, 0, "KPI");
            sheet.value(0, 1, "value");
            sheet.value(1, 0, "Graduation");
            sheet.value(1, 1, 87.5);
            sheet.value(3, 0, "Attendance");
        }
        List<TabularRow> rows = readAll("v.xlsx", bytes.toByteArray(), LIMITS);
        assertThat(rows).extracting(TabularRow::line).containsExactly(2, 4);
        assertThat(rows.get(0).get("kpi")).isEqualTo("Graduation");
        assertThat(rows.get(0).get("value")).isEqualTo("87.5");
        assertThat(rows.get(1).get("value")).isEmpty();
    }

    @Test
    void aWorkbookThatInflatesFarBeyondItsSizeIsRefusedByItsRatio() throws Exception {
        byte[] bomb = Workbooks.emptyRows("kpi,school_year,value", 3_000_000);
        assertThat(bomb.length).isLessThan(2_000_000);
        assertThat(refusal("bomb.xlsx", bomb, LIMITS)).isEqualTo(ImportProblem.of(0, "tabular.ratio", 100));
    }

    @Test
    void theInflatedSizeIsCountedAsItInflatesNotTakenFromTheZipHeaders() throws Exception {
        byte[] lying = Workbooks.lyingAboutSizes(Workbooks.emptyRows("kpi", 1_000_000));
        TabularLimits ratioAllowed =
                new TabularLimits(LIMITS.maxBytes(), 4L * 1024 * 1024, 10_000, 10_000_000, 100, 10);
        assertThat(refusal("bomb.xlsx", lying, ratioAllowed)).isEqualTo(ImportProblem.of(0, "tabular.inflated", 4));
    }

    @Test
    void emptyRowsCountTowardsTheRowLimit() throws Exception {
        byte[] sheet = Workbooks.emptyRows("kpi", 5_000);
        TabularLimits fewRows = new TabularLimits(LIMITS.maxBytes(), LIMITS.maxInflatedBytes(), 10_000, 1_000, 100, 10);
        ImportProblem problem = refusal("rows.xlsx", sheet, fewRows);
        assertThat(problem.code()).isEqualTo("tabular.rows");
        assertThat(problem.args()).containsExactly(1_000);
    }

    @Test
    void aCsvPastALimitIsRefusedWithTheLimitNamed() {
        StringBuilder rows = new StringBuilder("kpi,value\n");
        for (int i = 0; i < 1_000; i++) {
            rows.append("Graduation,").append(i).append('\n');
        }
        TabularLimits small = new TabularLimits(1_000_000, 1_000_000, 100, 500, 5, 20);
        assertThat(refusal("rows.csv", utf8(rows.toString()), small))
                .isEqualTo(ImportProblem.of(501, "tabular.rows", 500));
        assertThat(refusal("cols.csv", utf8("kpi,value\na,b,c,d,e,f\n"), small))
                .isEqualTo(ImportProblem.of(2, "tabular.columns", 5));
        assertThat(refusal("cell.csv", utf8("kpi,value\nGraduation," + "9".repeat(21) + "\n"), small))
                .isEqualTo(ImportProblem.of(2, "tabular.cell", 2, 20));
        TabularLimits tinyFile = new TabularLimits(1024, 1_000_000, 100, 500, 5, 20);
        assertThat(refusal("big.csv", utf8("kpi\n" + "a\n".repeat(1_000)), tinyFile))
                .isEqualTo(ImportProblem.of(0, "tabular.bytes", 0));
    }

    @Test
    void theByteLimitHoldsForWorkbooksToo() throws Exception {
        byte[] sheet = Workbooks.emptyRows("kpi", 100_000);
        TabularLimits tinyFile = new TabularLimits(sheet.length - 1, LIMITS.maxInflatedBytes(), 100, 10, 5, 20);
        assertThat(refusal("big.xlsx", sheet, tinyFile).code()).isEqualTo("tabular.bytes");
    }

    @Test
    void unreadableEmptyAndOtherFilesAreRefusedPlainly() {
        assertThat(refusal("broken.csv", utf8("kpi,value\n\"Graduation,1\n"), LIMITS)
                        .code())
                .isEqualTo("tabular.unreadable");
        assertThat(refusal("fake.xlsx", utf8("not a workbook"), LIMITS).code()).isEqualTo("tabular.unreadable");
        assertThat(refusal("empty.csv", new byte[0], LIMITS).code()).isEqualTo("tabular.empty");
        assertThat(refusal("values.pdf", new byte[] {1}, LIMITS).code()).isEqualTo("tabular.fileType");
    }

    @Test
    void theFileIsNotReadPastTheRowThatCrossedALimit() throws Exception {
        int[] read = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read[0]++;
                return read[0] % 2 == 0 ? '\n' : 'x';
            }
        };
        TabularLimits small = new TabularLimits(Long.MAX_VALUE, 1, 1, 1_000, 5, 20);
        assertThatThrownBy(() -> {
                    try (TabularFile file = TabularFile.open("endless.csv", endless, small)) {
                        while (file.next() != null) {
                            // read until refused
                        }
                    }
                })
                .isInstanceOfSatisfying(
                        ImportRefused.class, e -> assertThat(e.problem().code()).isEqualTo("tabular.rows"));
        assertThat(read[0]).isLessThan(100_000);
    }

    @Test
    void problemsBeyondTheFirstHundredAreCountedNotKept() {
        ImportProblems problems = new ImportProblems();
        for (int line = 2; line < 402; line++) {
            problems.add(line, "import.error.year", "20x5");
        }
        assertThat(problems.shown()).hasSize(100);
        assertThat(problems.shown().get(99).line()).isEqualTo(101);
        assertThat(problems.more()).isEqualTo(300);
        assertThat(problems.total()).isEqualTo(400);
    }
}
