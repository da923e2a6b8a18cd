package org.lodestar.execution.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The year-end summative evaluation of an improvement plan, with its rows in order (each goal, then its actions).
 *
 * @param completedAt null while it is a draft
 * @param nextPlanId the plan of next year made when it was completed
 * @param version raised by every save and by its completion (optimistic locking)
 */
public record YearEndEvaluation(
        UUID id,
        UUID planId,
        Instant startedAt,
        String startedBy,
        Instant completedAt,
        UUID completedBy,
        UUID nextPlanId,
        int version,
        List<EvaluationItem> items) {

    public boolean completed() {
        return completedAt != null;
    }
}
