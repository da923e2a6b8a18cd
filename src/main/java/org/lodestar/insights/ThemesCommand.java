package org.lodestar.insights;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.lodestar.insights.themes.Comment;
import org.lodestar.insights.themes.Theme;
import org.lodestar.insights.themes.ThemeDiscovery;
import org.lodestar.insights.themes.Themes;

/**
 * The analysts' theme command line, which starts no web server and needs no database:
 * {@code themes --in COMMENTS.csv --out THEMES.csv [--themes N]}. Reads the columns {@code id} and {@code text} of a
 * UTF-8 CSV file with a header (other columns ignored), writes {@code id,theme,theme_label} for every comment, and says
 * on standard output how many themes it made and why, then each theme's size and label. Rows with a blank text are
 * left out, and counted on standard output. Bad input gets one line on standard error and exit code 2.
 */
public final class ThemesCommand {

    public static final String COMMAND = "themes";

    static final long MAX_FILE_BYTES = 50L * 1024 * 1024;
    static final int MAX_COMMENTS = 100_000;
    static final int MAX_TEXT = 20_000;
    static final int MAX_ID = 200;
    static final int MOST_THEMES = 50;

    private static final String USAGE = "usage: themes --in COMMENTS.csv --out THEMES.csv [--themes N]";

    private ThemesCommand() {}

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, new ThemeDiscovery());
    }

    static int run(String[] args, PrintStream out, PrintStream err, ThemeDiscovery discovery) {
        try {
            Map<String, String> options = options(args);
            int asked = themes(options);
            Path in = Path.of(options.get("--in"));
            Path target = Path.of(options.get("--out"));
            Read read = read(in);
            if (read.comments().isEmpty()) {
                throw new IllegalArgumentException(in + " has no comment with a text");
            }
            Themes themes = discovery.discover(read.comments(), asked);
            write(themes, read.comments(), target);
            if (read.blank() > 0) {
                out.printf(
                        Locale.ROOT,
                        "left out %,d row%s with a blank text (the first on line %d)%n",
                        read.blank(),
                        read.blank() == 1 ? "" : "s",
                        read.firstBlankLine());
            }
            out.printf(
                    Locale.ROOT,
                    "%,d comments: %s%n",
                    read.comments().size(),
                    themes.choice().describe());
            for (Theme theme : themes.themes()) {
                out.printf(Locale.ROOT, "theme %d (%,d comments): %s%n", theme.number(), theme.size(), theme.label());
            }
            out.println("wrote " + target);
            return 0;
        } catch (NoSuchFileException e) {
            err.println("error: no such file: " + e.getFile());
            return 2;
        } catch (CharacterCodingException e) {
            err.println("error: the file is not UTF-8 text");
            return 2;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            err.println("error: "
                    + (e.getCause() instanceof CharacterCodingException
                            ? "the file is not UTF-8 text"
                            : "not a valid CSV file: " + e.getCause().getMessage()));
            return 2;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private static Map<String, String> options(String[] args) {
        if (args.length == 0 || !COMMAND.equals(args[0])) {
            throw new IllegalArgumentException(USAGE);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!List.of("--in", "--out", "--themes").contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected " + args[i] + ". " + USAGE);
            }
            options.put(args[i], args[i + 1]);
        }
        for (String required : List.of("--in", "--out")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException(required + " is missing. " + USAGE);
            }
        }
        return options;
    }

    /** The number of themes asked for, or 0 to choose. */
    private static int themes(Map<String, String> options) {
        String text = options.get("--themes");
        if (text == null) {
            return 0;
        }
        try {
            int themes = Integer.parseInt(text);
            if (themes >= 2 && themes <= MOST_THEMES) {
                return themes;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(
                "--themes must be a whole number from 2 to " + MOST_THEMES + ", not " + text);
    }

    private record Read(List<Comment> comments, int blank, long firstBlankLine) {}

    private static Read read(Path in) throws IOException {
        if (Files.isDirectory(in)) {
            throw new IllegalArgumentException(in + " is a folder, not a CSV file");
        }
        if (Files.size(in) > MAX_FILE_BYTES) {
            throw new IllegalArgumentException(in + " is larger than 50 MB");
        }
        if (Files.size(in) == 0) {
            throw new IllegalArgumentException(in + " is empty: the first line must name the columns id and text");
        }
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                .setAllowMissingColumnNames(true)
                .setIgnoreEmptyLines(true)
                .get();
        List<Comment> comments = new ArrayList<>();
        Map<String, Long> lineOfId = new HashMap<>();
        int blank = 0;
        long firstBlankLine = 0;
        try (Reader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
                CSVParser parser = format.parse(reader)) {
            Map<String, Integer> columns = new HashMap<>();
            List<String> names = parser.getHeaderNames();
            for (int c = 0; c < names.size(); c++) {
                String name = names.get(c) == null
                        ? ""
                        : names.get(c).replace("\uFEFF", "").strip();
                columns.putIfAbsent(name.toLowerCase(Locale.ROOT), c);
            }
            Integer id = columns.get("id");
            Integer text = columns.get("text");
            if (id == null || text == null) {
                throw new IllegalArgumentException(in + " has no " + (id == null ? "id" : "text")
                        + " column: its first line must name the columns id and text (found: "
                        + String.join(",", names) + ")");
            }
            for (CSVRecord row : parser) {
                long line = parser.getCurrentLineNumber();
                if (comments.size() + blank >= MAX_COMMENTS) {
                    throw new IllegalArgumentException(
                            in + " has more than " + String.format(Locale.ROOT, "%,d", MAX_COMMENTS) + " rows");
                }
                String rowId = row.size() > id ? row.get(id).strip() : "";
                String rowText = row.size() > text ? row.get(text) : "";
                if (rowId.isEmpty()) {
                    throw new IllegalArgumentException("line " + line + " has no id");
                }
                if (rowId.length() > MAX_ID) {
                    throw new IllegalArgumentException(
                            "line " + line + ": the id is longer than " + MAX_ID + " characters");
                }
                Long earlier = lineOfId.putIfAbsent(rowId, line);
                if (earlier != null) {
                    throw new IllegalArgumentException(
                            "line " + line + ": the id " + rowId + " is already on line " + earlier);
                }
                if (rowText.length() > MAX_TEXT) {
                    throw new IllegalArgumentException("line " + line + ": the text is longer than "
                            + String.format(Locale.ROOT, "%,d", MAX_TEXT) + " characters");
                }
                if (rowText.isBlank()) {
                    if (blank++ == 0) {
                        firstBlankLine = line;
                    }
                    continue;
                }
                comments.add(new Comment(rowId, rowText.strip()));
            }
        }
        return new Read(comments, blank, firstBlankLine);
    }

    private static void write(Themes themes, List<Comment> comments, Path target) throws IOException {
        try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
                CSVPrinter printer = CSVFormat.DEFAULT
                        .builder()
                        .setRecordSeparator('\n')
                        .get()
                        .print(writer)) {
            printer.printRecord("id", "theme", "theme_label");
            for (Comment comment : comments) {
                int number = themes.themeOf().get(comment.id());
                printer.printRecord(comment.id(), number, themes.theme(number).label());
            }
        }
    }
}
