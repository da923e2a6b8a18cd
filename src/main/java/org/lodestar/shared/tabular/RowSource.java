package org.lodestar.shared.tabular;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** The rows of one kind of file, one at a time. */
interface RowSource extends Closeable {

    /** A row as read: its line (or row number in a sheet) and its cells. */
    record Line(int number, List<String> cells) {}

    /** The next row, or null at the end. */
    Line next() throws IOException;
}
