package org.lodestar.needs.domain;

import java.util.UUID;

/** A goal or an action (a plan's strategy) that answers a need. */
public record NeedLink(UUID needId, UUID itemId, Kind kind) {

    /** What answers the need. */
    public enum Kind {
        GOAL,
        ACTION
    }
}
