package org.lodestar.execution;

import java.time.Instant;
import java.util.List;

/**
 * A plan's most recent quarterly review as other modules see it, for the briefing book's part on the latest review's
 * decisions: its quarter, whether it was signed off, and each row's status, evidence and the adjustment decided.
 *
 * @param signedOffAt null while it is a draft
 */
public record LatestReview(int schoolYear, int quarter, Instant signedOffAt, List<ReviewDecision> rows) {

    /** Whether the review was signed off (frozen, its quarter locked), else a draft. */
    public boolean signedOff() {
        return signedOffAt != null;
    }
}
