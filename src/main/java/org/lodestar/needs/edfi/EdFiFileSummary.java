package org.lodestar.needs.edfi;

/**
 * What was read from one file.
 *
 * @param interchange the root element, e.g. {@code InterchangeStudentAttendance}
 * @param records the records (children of the root) read
 * @param students the distinct students the records name
 * @param skipped records read but not used, with {@link #skippedWhy}
 */
public record EdFiFileSummary(
        String name, String interchange, int records, int students, int skipped, String skippedWhy) {}
