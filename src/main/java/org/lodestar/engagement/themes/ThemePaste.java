package org.lodestar.engagement.themes;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads pasted comments: one comment a line, or a CSV with a header that names {@code id} and {@code text} (other
 * columns ignored, the id not kept: a pasted comment gets its own). Blank lines between comments are skipped; a CSV row
 * without a text is refused with its line number, and so is a comment longer than {@value #MAX_TEXT} characters.
 */
final class ThemePaste {

    static final int MAX_COMMENTS = ThemeRuns.MAX_COMMENTS;
    static final int MAX_TEXT = 4_000;

    private ThemePaste() {}

    /** The comments read, or the problem: a message key and the line it is about (0 for the whole paste). */
    record Read(List<String> texts, String problem, int line) {

        boolean ok() {
            return problem == null;
        }
    }

    static Read read(String pasted) {
        String text = pasted == null ? "" : pasted.replace("\r\n", "\n").replace('\r', '\n');
        String first = text.strip().lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
        Read read = first.replace(" ", "").matches("(.*,)?\"?id\"?,\"?text\"?(,.*)?") ? csv(text.strip()) : lines(text);
        if (read.ok() && read.texts().isEmpty()) {
            return new Read(List.of(), "themes.paste.empty", 0);
        }
        if (read.ok() && read.texts().size() > MAX_COMMENTS) {
            return new Read(List.of(), "themes.paste.tooMany", 0);
        }
        return read;
    }

    private static Read lines(String text) {
        List<String> texts = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() > MAX_TEXT) {
                return new Read(List.of(), "themes.paste.tooLong", i + 1);
            }
            texts.add(line);
        }
        return new Read(texts, null, 0);
    }

    private static Read csv(String text) {
        List<String> texts = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true)
                .setTrim(true)
                .setAllowMissingColumnNames(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord row : parser) {
                int line = (int) parser.getCurrentLineNumber();
                String comment = row.isMapped("text") && row.isSet("text")
                        ? row.get("text").strip()
                        : "";
                if (comment.isEmpty()) {
                    return new Read(List.of(), "themes.paste.blankRow", line);
                }
                if (comment.length() > MAX_TEXT) {
                    return new Read(List.of(), "themes.paste.tooLong", line);
                }
                texts.add(comment);
                if (texts.size() > MAX_COMMENTS) {
                    break;
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException bad) {
            return new Read(List.of(), "themes.paste.badCsv", 0);
        }
        return new Read(texts, null, 0);
    }
}
