package org.lodestar.planning;

import java.util.UUID;

/**
 * A project shown under a strategy in a plan's tree, supplied by whichever module runs projects.
 *
 * @param status one of NOT_STARTED, IN_PROGRESS, DONE, BLOCKED
 * @param version the project's version, which its edit and delete controls send back
 */
public record PlannedProject(UUID id, UUID strategyId, String title, UUID ownerId, String status, int version) {}
