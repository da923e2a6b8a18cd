package org.lodestar.needs.edfi;

import java.util.List;

/**
 * The aggregates of one run and what it read.
 *
 * @param students the distinct students named in any file
 */
public record EdFiResult(List<EdFiAggregate> aggregates, List<EdFiFileSummary> files, int students) {

    public EdFiResult {
        aggregates = List.copyOf(aggregates);
        files = List.copyOf(files);
    }
}
