package org.lodestar.planning;

import java.util.UUID;

/** A plan became the adopted one: what reviews, reports and notifications of other modules start from. */
public record PlanAdopted(UUID districtId, UUID planId, String title, String actor) {}
