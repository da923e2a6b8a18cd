package org.lodestar.planning;

import java.util.UUID;

/**
 * One item of a plan's tree (goal, outcome, strategy or project) with what it hangs under.
 *
 * @param parentId the plan (for goals) or the item one tier up
 * @param status a project's progress; null for the other tiers
 */
public record Node(
        Tier tier,
        UUID id,
        UUID parentId,
        UUID planId,
        String title,
        UUID ownerId,
        int position,
        boolean published,
        ProjectStatus status) {}
