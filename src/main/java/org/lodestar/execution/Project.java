package org.lodestar.execution;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Tactical work that carries out a strategy of a plan.
 *
 * @param dueDate null when none is set
 * @param version raised by every save, so a save made from an older reading is refused (optimistic locking)
 */
public record Project(
        UUID id,
        UUID strategyId,
        String title,
        UUID ownerId,
        int position,
        ProjectStatus status,
        LocalDate dueDate,
        int version) {}
