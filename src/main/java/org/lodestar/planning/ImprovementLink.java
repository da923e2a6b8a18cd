package org.lodestar.planning;

import java.util.UUID;

/**
 * What an annual improvement plan carries out: a strategic plan, and for a school's plan also the district's
 * improvement plan of the same year (null when there is none).
 */
public record ImprovementLink(UUID planId, UUID strategicPlanId, UUID districtImprovementPlanId) {}
