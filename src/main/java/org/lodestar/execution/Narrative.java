package org.lodestar.execution;

import java.time.Instant;
import java.util.UUID;

/**
 * The story behind an item's curve as its latest check-in in a period told it (the briefing book's narratives): the
 * item ({@code kind}: ACTION or KPI), the status posted (NOT_STARTED, ON_TRACK, AT_RISK, OFF_TRACK, DONE, BLOCKED), what
 * happened, what was learned, what changes (each null when not said), who posted it and when.
 */
public record Narrative(
        String kind,
        UUID itemId,
        String status,
        String whatHappened,
        String whatWeLearned,
        String whatChanges,
        UUID authorId,
        Instant postedAt) {}
