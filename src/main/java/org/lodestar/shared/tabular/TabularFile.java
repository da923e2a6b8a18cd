package org.lodestar.shared.tabular;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one reader of uploaded tables (CSV, or the first sheet of an XLSX workbook) every import uses. It streams: a row
 * is read when asked for, never the whole sheet; and it refuses the file, with the limit named, once it crosses any of
 * the {@link TabularLimits}. The first row that is not blank is the header; column names are compared in lower case.
 * Blank rows are skipped but count towards the row limit.
 */
public final class TabularFile implements Closeable {

    private final RowSource source;
    private final TabularLimits limits;
    private final List<String> header;
    private int rowsRead;

    private TabularFile(RowSource source, TabularLimits limits) throws ImportRefused {
        this.source = source;
        this.limits = limits;
        RowSource.Line first = nextNonBlank();
        if (first == null) {
            throw new ImportRefused(ImportProblem.of(0, "tabular.empty"));
        }
        header = first.cells().stream()
                .map(name -> name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT))
                .toList();
    }

    /** Opens a .csv (or .txt) file, or an .xlsx workbook, by the name it was uploaded with. */
    public static TabularFile open(String filename, InputStream content, TabularLimits limits) throws ImportRefused {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        RowSource source;
        try {
            if (name.endsWith(".xlsx")) {
                source = XlsxRows.open(content, limits);
            } else if (name.endsWith(".csv") || name.endsWith(".txt")) {
                source = new CsvRows(new InputStreamReader(
                        new LimitedInputStream(content, limits.maxBytes()), StandardCharsets.UTF_8));
            } else {
                throw new ImportRefused(ImportProblem.of(0, "tabular.fileType"));
            }
        } catch (IOException | RuntimeException unreadable) {
            throw refusal(unreadable);
        }
        return start(source, limits);
    }

    /** Reads CSV text that is already characters (a local file read by the command line). */
    public static TabularFile csv(Reader reader, TabularLimits limits) throws ImportRefused {
        try {
            return start(new CsvRows(reader), limits);
        } catch (IOException | RuntimeException unreadable) {
            throw refusal(unreadable);
        }
    }

    private static TabularFile start(RowSource source, TabularLimits limits) throws ImportRefused {
        try {
            return new TabularFile(source, limits);
        } catch (ImportRefused refused) {
            closeQuietly(source);
            throw refused;
        }
    }

    /** The header's column names, in lower case. */
    public List<String> header() {
        return header;
    }

    /** Which of these columns the header lacks, so that a file of the wrong kind is refused before its rows. */
    public List<String> missing(List<String> columns) {
        return columns.stream().filter(column -> !header.contains(column)).toList();
    }

    /** The next row that is not blank, or null at the end of the file. */
    public TabularRow next() throws ImportRefused {
        RowSource.Line line = nextNonBlank();
        if (line == null) {
            return null;
        }
        Map<String, String> cells = new HashMap<>();
        for (int c = 0; c < header.size() && c < line.cells().size(); c++) {
            if (!header.get(c).isEmpty()) {
                cells.putIfAbsent(header.get(c), line.cells().get(c));
            }
        }
        return new TabularRow(line.number(), cells);
    }

    private RowSource.Line nextNonBlank() throws ImportRefused {
        while (true) {
            RowSource.Line line;
            try {
                line = source.next();
            } catch (IOException | RuntimeException e) {
                throw refusal(e);
            }
            if (line == null) {
                return null;
            }
            check(line);
            if (line.cells().stream().anyMatch(cell -> !cell.isBlank())) {
                return line;
            }
        }
    }

    private void check(RowSource.Line line) throws ImportRefused {
        if (++rowsRead > limits.maxRows()) {
            throw new ImportRefused(ImportProblem.of(line.number(), "tabular.rows", limits.maxRows()));
        }
        if (line.cells().size() > limits.maxColumns()) {
            throw new ImportRefused(ImportProblem.of(line.number(), "tabular.columns", limits.maxColumns()));
        }
        for (int c = 0; c < line.cells().size(); c++) {
            if (line.cells().get(c).length() > limits.maxCellLength()) {
                throw new ImportRefused(ImportProblem.of(line.number(), "tabular.cell", c + 1, limits.maxCellLength()));
            }
        }
    }

    /** A crossed limit says which; anything else the readers throw means the file is not what it claims to be. */
    private static ImportRefused refusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof LimitCrossed crossed) {
                return new ImportRefused(crossed.problem());
            }
            if (cause instanceof ImportRefused refused) {
                return refused;
            }
        }
        return new ImportRefused(ImportProblem.of(0, "tabular.unreadable"));
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // already refusing the file
        }
    }

    @Override
    public void close() {
        closeQuietly(source);
    }
}
