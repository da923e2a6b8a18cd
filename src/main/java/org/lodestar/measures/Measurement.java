package org.lodestar.measures;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A measured value of a KPI for a school year and a period within it (0 for the whole year), for the district
 * ({@code schoolId} null) or a school, for all students or a group; {@code n} is how many students it is computed
 * from, null when it is not about students.
 */
public record Measurement(
        UUID kpiId, int schoolYear, int period, UUID schoolId, String groupCode, BigDecimal value, Integer n) {}
