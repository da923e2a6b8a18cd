package org.lodestar.planning;

import java.util.UUID;

/** A goal, outcome or action of a plan tagged with a required-plan component it satisfies. */
public record ComplianceTag(UUID itemId, Kind itemKind, String frameworkCode, String componentCode) {

    public enum Kind {
        GOAL,
        OUTCOME,
        ACTION
    }
}
