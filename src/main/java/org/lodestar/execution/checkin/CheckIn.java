package org.lodestar.execution.checkin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An owner's word on an item at a moment: the status and the story behind it (what happened, what we learned, what
 * changes), with evidence files. Never changed once posted; a correction is a new check-in.
 */
public record CheckIn(
        UUID id,
        ItemRef item,
        CheckInStatus status,
        String whatHappened,
        String whatWeLearned,
        String whatChanges,
        UUID authorId,
        Instant createdAt,
        List<EvidenceFile> files) {}
