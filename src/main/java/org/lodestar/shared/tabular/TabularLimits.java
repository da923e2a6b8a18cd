package org.lodestar.shared.tabular;

/**
 * How much of an uploaded file an import reads before refusing it: a file past any of these is refused whole with the
 * limit it crossed, so that a small upload cannot grow into gigabytes on the server (a "zip bomb" workbook, or a CSV
 * of millions of rows).
 *
 * @param maxBytes bytes of the file as uploaded
 * @param maxInflatedBytes bytes of a workbook's parts once inflated, all parts together, counted as they inflate
 * @param maxRatio inflated bytes per compressed byte of a workbook part (real sheets compress 5 to 30 times)
 * @param maxRows rows, blank ones included
 * @param maxColumns cells in a row
 * @param maxCellLength characters in a cell
 */
public record TabularLimits(
        long maxBytes, long maxInflatedBytes, int maxRatio, int maxRows, int maxColumns, int maxCellLength) {

    /**
     * 20 MB as the upload limit in application.properties; 1,000,000 rows so that a state's history (2,000 schools,
     * 14 grades, 20 years: 560,000 rows) fits; 100 columns; 1,000 characters a cell; 200 MB inflated; 100:1.
     */
    public static final TabularLimits DEFAULT =
            new TabularLimits(20L * 1024 * 1024, 200L * 1024 * 1024, 100, 1_000_000, 100, 1_000);
}
