package org.lodestar.needs.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The state's value of a metric in a school year (the fall year) for a student group ("ALL" for all students), that the
 * district entered to compare itself and its schools with.
 */
public record StateValue(UUID metricId, int schoolYear, String groupCode, BigDecimal value, int version) {}
