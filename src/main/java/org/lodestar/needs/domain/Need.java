package org.lodestar.needs.domain;

import java.util.UUID;
import org.lodestar.needs.CnaArea;
import org.lodestar.needs.NeedSummary;

/**
 * A need of an assessment as its pages edit it.
 *
 * @param mergedInto the need it was merged into, or null
 * @param causeMethod how its root cause was worked out, or null while none is written
 * @param version raised by every save (optimistic locking)
 */
public record Need(
        UUID id,
        UUID assessmentId,
        String title,
        String description,
        CnaArea area,
        NeedSummary.Status status,
        Integer priority,
        UUID mergedInto,
        CauseMethod causeMethod,
        int version) {

    /** How a root cause is worked out. */
    public enum CauseMethod {
        FIVE_WHYS,
        FISHBONE
    }

    /** The categories of a fishbone (Ishikawa) diagram as schools use it. */
    public enum CauseCategory {
        PEOPLE,
        PROCESS,
        MATERIALS,
        ENVIRONMENT,
        POLICY,
        MEASUREMENT
    }

    public boolean confirmed() {
        return status == NeedSummary.Status.CONFIRMED;
    }

    public boolean open() {
        return status == NeedSummary.Status.CANDIDATE || status == NeedSummary.Status.CONFIRMED;
    }

    public NeedSummary summary() {
        return new NeedSummary(id, assessmentId, title, area, status, priority);
    }
}
