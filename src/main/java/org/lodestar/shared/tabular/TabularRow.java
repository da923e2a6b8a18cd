package org.lodestar.shared.tabular;

import java.util.Map;

/** A row of a file, its cells by the (lower-case) column name of the header. */
public record TabularRow(int line, Map<String, String> cells) {

    /** The cell of a column, stripped; empty when the row or the file has no such column. */
    public String get(String column) {
        return cells.getOrDefault(column, "");
    }
}
