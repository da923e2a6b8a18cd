package org.lodestar.planning.domain;

import java.util.UUID;

/** A row of a tier that hangs under a goal (an outcome, a strategy), as its store reads and saves it. */
record GoalItem(
        UUID id,
        UUID goalId,
        UUID planId,
        String title,
        String titleTranslation,
        UUID ownerId,
        int position,
        int version) {

    GoalItem changed(ItemChange change) {
        return new GoalItem(
                id,
                goalId,
                planId,
                change.title(),
                change.titleTranslation(),
                change.ownerId(),
                position,
                change.version() + 1);
    }
}
