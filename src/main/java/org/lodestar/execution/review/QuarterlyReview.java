package org.lodestar.execution.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.lodestar.shared.SchoolQuarter;

/**
 * A quarterly formative review of an improvement plan, with its rows in order (each goal, then its KPIs and actions).
 *
 * @param signedOffAt null while it is a draft
 * @param signedOffBy the person who signed it off, null while it is a draft
 * @param meetingOn the day the review is talked through, null while none is set
 * @param version raised by every save and by the sign-off (optimistic locking)
 */
public record QuarterlyReview(
        UUID id,
        UUID planId,
        SchoolQuarter quarter,
        Instant startedAt,
        String startedBy,
        Instant signedOffAt,
        UUID signedOffBy,
        LocalDate meetingOn,
        int version,
        List<ReviewItem> items) {

    public boolean signedOff() {
        return signedOffAt != null;
    }

    public long decided() {
        return items.stream().filter(item -> item.adjustment() != null).count();
    }
}
