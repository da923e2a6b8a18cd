package org.lodestar.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastCommandTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ForecastCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** The Eau Claire history rewritten in the documented layout: school_id,year,grade,count. */
    private Path history() throws Exception {
        Path file = folder.resolve("history.csv");
        try (InputStream in =
                getClass().getResourceAsStream("/enrollment/eau-claire/ecasd_school_grade_1998_2024.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .skip(1)
                    .toList();
            StringBuilder csv = new StringBuilder("school_id,year,grade,count\n");
            for (String line : lines) {
                String[] cells = line.split(",");
                csv.append(cells[2])
                        .append(',')
                        .append(cells[0])
                        .append(',')
                        .append(cells[3])
                        .append(',')
                        .append(cells[4])
                        .append('\n');
            }
            Files.writeString(file, csv);
        }
        return file;
    }

    private Path births() throws Exception {
        Path file = folder.resolve("births.csv");
        try (InputStream in = getClass().getResourceAsStream("/enrollment/eau-claire/ecasd_births_1995_2019.csv")) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @Test
    void writesOneRowPerSchoolFutureYearAndGradeWithBands() throws Exception {
        Path result = folder.resolve("forecast.csv");
        int code = run(
                "forecast",
                "--history",
                history().toString(),
                "--horizon",
                "5",
                "--out",
                result.toString(),
                "--births",
                births().toString());
        assertThat(code).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(result);
        assertThat(lines.get(0)).isEqualTo("school_id,year,grade,forecast,lower80,upper80,lower95,upper95,band_source");
        // 12 schools open in 2024, 5 years, grades K-5
        assertThat(lines).hasSize(1 + 12 * 5 * 6);
        assertThat(lines.stream().skip(1).map(line -> line.split(",")[1]).distinct())
                .containsExactlyInAnyOrder("2025", "2026", "2027", "2028", "2029");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            double forecast = Double.parseDouble(cells[3]);
            assertThat(Double.parseDouble(cells[4])).isLessThanOrEqualTo(forecast);
            assertThat(Double.parseDouble(cells[5])).isGreaterThanOrEqualTo(forecast);
            assertThat(Double.parseDouble(cells[6])).isLessThanOrEqualTo(Double.parseDouble(cells[4]));
            assertThat(Double.parseDouble(cells[7])).isGreaterThanOrEqualTo(Double.parseDouble(cells[5]));
            assertThat(cells[8]).isIn("backtest", "prior");
        }
        // the history (1998-2024) tests every horizon up to five years: no band needs the prior
        assertThat(lines.stream().skip(1).filter(line -> line.endsWith(",prior")))
                .isEmpty();
    }

    @Test
    void printsTheBacktestBesideTheBaseline() throws Exception {
        int code = run("backtest", "--history", history().toString(), "--horizon", "5");
        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("Backtest of 16 schools")
                .contains("baseline")
                .contains("80% band: grade | school | district");
        assertThat(out.toString().lines().filter(line -> line.matches("\\s+[1-5] \\|.*")))
                .hasSize(5);
    }

    @Test
    void aBadRowGetsOneLineOnStandardErrorAndANonZeroExit() throws Exception {
        Path bad = folder.resolve("bad.csv");
        Files.writeString(bad, "school_id,year,grade,count\nA,2020,K,50\nA,2021,13,50\n");
        int code = run(
                "forecast",
                "--history",
                bad.toString(),
                "--horizon",
                "5",
                "--out",
                folder.resolve("x.csv").toString());
        assertThat(code).isNotZero();
        assertThat(err.toString().lines())
                .singleElement()
                .asString()
                .contains("line 3")
                .contains("grade \"13\"");
        assertThat(folder.resolve("x.csv")).doesNotExist();
    }

    @Test
    void missingFilesAndOptionsAreSaidPlainly() {
        assertThat(run("forecast", "--history", "/no/such.csv", "--horizon", "5", "--out", "x.csv"))
                .isNotZero();
        assertThat(err.toString()).startsWith("error: no such file: /no/such.csv");
        err.reset();
        assertThat(run("backtest", "--history", "/no/such.csv", "--horizon", "zero"))
                .isNotZero();
        assertThat(err.toString().lines()).hasSize(1);
        err.reset();
        assertThat(run("forecast")).isNotZero();
        assertThat(err.toString()).contains("--history is missing");
    }
}
