package org.lodestar.execution;

import java.util.UUID;

/**
 * A row of a quarterly review as other modules see it: the goal, action or KPI reviewed ({@code tier}: GOAL, ACTION
 * or KPI), its title and the status it was prepared with.
 */
public record ReviewRow(UUID id, UUID itemId, String tier, String title, String status) {}
