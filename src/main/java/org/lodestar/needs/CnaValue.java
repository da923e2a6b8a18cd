package org.lodestar.needs;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A value of a metric for the district ({@code schoolId} null) or a school, all students ({@code ALL}) or a student
 * group, a school year (the fall year) and, for assessments, a grade ({@code ""} for all grades).
 *
 * @param n how many students it is computed from, null when unknown or not about students
 */
public record CnaValue(
        UUID metricId, UUID schoolId, String groupCode, int schoolYear, String grade, BigDecimal value, Integer n) {

    public CnaValue {
        grade = grade == null ? "" : grade;
    }
}
