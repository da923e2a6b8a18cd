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
     * 20 MB, as the upload limit in application.properties; 500,000 rows (a state's whole enrollment history of
     * 560,000 counts goes in two files, since an import replaces only the cells it names); 100 columns; 1,000
     * characters a cell; 200 MB inflated; 100:1. An import of 500,000 rows holds them in memory until it applies them
     * all or none (a few hundred bytes a row).
     */
    public static final TabularLimits DEFAULT =
            new TabularLimits(20L * 1024 * 1024, 200L * 1024 * 1024, 100, 500_000, 100, 1_000);
}
