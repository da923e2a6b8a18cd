package org.lodestar.enrollment;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lodestar.enrollment.projection.Backtest;
import org.lodestar.enrollment.projection.Births;
import org.lodestar.enrollment.projection.EnrollmentCsv;
import org.lodestar.enrollment.projection.EnrollmentForecaster;
import org.lodestar.enrollment.projection.EnrollmentHistory;
import org.lodestar.enrollment.projection.Method;

/**
 * The analysts' command line, which starts no web server and needs no database:
 * {@code forecast --history IN.csv --horizon 5 --out OUT.csv [--births BIRTHS.csv]} and
 * {@code backtest --history IN.csv --horizon 5 [--births BIRTHS.csv]}. Bad input gets one line on standard error and
 * a non-zero exit code.
 */
public final class ForecastCommand {

    public static final Set<String> COMMANDS = Set.of("forecast", "backtest");
    private static final String USAGE =
            "usage: forecast --history IN.csv --horizon N --out OUT.csv [--births BIRTHS.csv]"
                    + " | backtest --history IN.csv --horizon N [--births BIRTHS.csv]";

    private ForecastCommand() {}

    /** Runs a command; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Map<String, String> options = options(args);
            EnrollmentHistory history;
            try (Reader reader = Files.newBufferedReader(path(options, "--history"), StandardCharsets.UTF_8)) {
                history = EnrollmentCsv.readHistory(reader);
            }
            Births births = new Births();
            if (options.containsKey("--births")) {
                try (Reader reader = Files.newBufferedReader(path(options, "--births"), StandardCharsets.UTF_8)) {
                    births = EnrollmentCsv.readBirths(reader);
                }
            }
            int horizon = horizon(options);
            if (args[0].equals("forecast")) {
                if (!options.containsKey("--out")) {
                    throw new IllegalArgumentException("--out is missing. " + USAGE);
                }
                write(
                        EnrollmentForecaster.forecast(history, births, Method.LODESTAR, horizon),
                        Path.of(options.get("--out")));
            } else {
                print(history, births, horizon, out);
            }
            return 0;
        } catch (EnrollmentCsv.InvalidFile e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            err.println("error: no such file: " + e.getFile());
            return 2;
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private static Map<String, String> options(String[] args) {
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            throw new IllegalArgumentException(USAGE);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!List.of("--history", "--horizon", "--out", "--births").contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected " + args[i] + ". " + USAGE);
            }
            options.put(args[i], args[i + 1]);
        }
        if (!options.containsKey("--history")) {
            throw new IllegalArgumentException("--history is missing. " + USAGE);
        }
        return options;
    }

    private static Path path(Map<String, String> options, String name) {
        return Path.of(options.get(name));
    }

    private static int horizon(Map<String, String> options) {
        String text = options.getOrDefault("--horizon", "5");
        try {
            int horizon = Integer.parseInt(text);
            if (horizon >= 1 && horizon <= 15) {
                return horizon;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--horizon must be a whole number of years from 1 to 15, not " + text);
    }

    private static void write(EnrollmentForecaster.Result result, Path out) throws IOException {
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            // band_source: "backtest" where the band comes from this history's own errors, "prior" where the history
            // was too short to test that horizon
            writer.write("school_id,year,grade,forecast,lower80,upper80,lower95,upper95,band_source\n");
            for (EnrollmentForecaster.Cell cell : result.cells()) {
                writer.write(String.format(
                        Locale.ROOT,
                        "%s,%d,%s,%.1f,%.1f,%.1f,%.1f,%.1f,%s%n",
                        csv(cell.school()),
                        cell.year(),
                        cell.grade().label(),
                        cell.forecast(),
                        cell.lower80(),
                        cell.upper80(),
                        cell.lower95(),
                        cell.upper95(),
                        cell.bandSource().label()));
            }
        }
    }

    private static String csv(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static void print(EnrollmentHistory history, Births births, int horizon, PrintStream out) {
        Backtest.Report ours = Backtest.run(history, births, Method.LODESTAR, horizon, history.lastYear());
        Backtest.Report plain = Backtest.run(history, births, Method.BASELINE, horizon, history.lastYear());
        out.printf(
                Locale.ROOT,
                "Backtest of %d schools, origins %d-%d (mean absolute percentage error of totals)%n",
                history.schools().size(),
                history.firstYear() + 3,
                history.lastYear() - 1);
        out.println("each cell: Lodestar / baseline; in the 80% band at grade, school and district level");
        out.println(
                "years ahead | school MAPE | schools within 2% | district MAPE | 80% band: grade | school | district");
        for (Backtest.Row row : ours.rows()) {
            Backtest.Row base = plain.at(row.horizon());
            out.printf(
                    Locale.ROOT,
                    "%11d | %5.2f%% / %5.2f%% | %5.1f%% / %5.1f%% | %5.2f%% / %5.2f%% | %s / %s | %s / %s | %s / %s%n",
                    row.horizon(),
                    row.schoolMape(),
                    base.schoolMape(),
                    row.schoolsWithin2Percent(),
                    base.schoolsWithin2Percent(),
                    row.districtMape(),
                    base.districtMape(),
                    percent(row.gradeCoverage80()),
                    percent(base.gradeCoverage80()),
                    percent(row.coverage80()),
                    percent(base.coverage80()),
                    percent(row.districtCoverage80()),
                    percent(base.districtCoverage80()));
        }
    }

    private static String percent(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", value);
    }
}
