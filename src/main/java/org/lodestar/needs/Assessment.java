package org.lodestar.needs;

import java.util.UUID;

/**
 * A comprehensive needs assessment of the district ({@code schoolId} null) or of one school, for a school year.
 *
 * @param schoolYear the fall year it assesses (2025 = 2025-26)
 */
public record Assessment(UUID id, UUID schoolId, int schoolYear, String title, int version) {}
