package org.lodestar.needs.edfi;

import org.lodestar.shared.SchoolYear;

/**
 * One aggregate: a metric of a school's student group in a school year.
 *
 * @param metric {@link #ATTENDANCE_RATE}, {@link #CHRONIC_ABSENTEEISM} or {@link #PROFICIENCY}
 * @param schoolId the Ed-Fi school id
 * @param schoolName the school's name of institution, or its id when the organizations file was not given
 * @param group {@code ALL} or a student group code (directory's standard codes, plus {@code FEMALE}, {@code MALE})
 * @param grade the grade (K, 1..12, PK) for proficiency, null otherwise
 * @param subject the academic subject (e.g. Mathematics) for proficiency, null otherwise
 * @param value a share between 0 and 1
 * @param n the number of students (proficiency: of results with a performance level) behind the value
 */
public record EdFiAggregate(
        String metric,
        String schoolId,
        String schoolName,
        String group,
        String grade,
        String subject,
        SchoolYear schoolYear,
        double value,
        int n) {

    public static final String ATTENDANCE_RATE = "ATTENDANCE_RATE";
    public static final String CHRONIC_ABSENTEEISM = "CHRONIC_ABSENTEEISM";
    public static final String PROFICIENCY = "PROFICIENCY";
    public static final String ALL = "ALL";
}
