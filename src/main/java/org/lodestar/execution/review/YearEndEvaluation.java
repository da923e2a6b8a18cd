package org.lodestar.execution.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The year-end summative evaluation of an improvement plan, or the annual formative evaluation of a strategic plan
 * for one school year of its cycle, with its rows in order (each goal, then its actions).
 *
 * @param schoolYear the school year evaluated of a strategic plan; null for an improvement plan (its one year)
 * @param completedAt null while it is a draft
 * @param nextPlanId the plan of next year made when it was completed
 * @param version raised by every save and by its completion (optimistic locking)
 */
public record YearEndEvaluation(
        UUID id,
        UUID planId,
        Integer schoolYear,
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

    /** Whether it is a strategic plan's annual evaluation (it makes no plan). */
    public boolean strategic() {
        return schoolYear != null;
    }
}
