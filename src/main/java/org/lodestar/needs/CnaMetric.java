package org.lodestar.needs;

import java.util.Locale;
import java.util.UUID;

/**
 * A metric a needs assessment looks at.
 *
 * @param code the district's short code, unique in the district (e.g. {@code CHRONIC_ABSENTEEISM})
 * @param aboutStudents whether its values are about students, and so hidden publicly when n is small
 * @param kpiId the KPI its values feed, or null
 * @param version the saved version this was read at
 */
public record CnaMetric(
        UUID id,
        String code,
        String nameEn,
        String nameEs,
        CnaArea area,
        Unit unit,
        boolean higherIsBetter,
        boolean aboutStudents,
        UUID kpiId,
        int version) {

    public String name(Locale locale) {
        return "es".equals(locale.getLanguage()) ? nameEs : nameEn;
    }

    /** How a metric's values read: a percent is kept as a percent (87.5), not a share. */
    public enum Unit {
        PERCENT,
        COUNT,
        RATE,
        SCORE
    }
}
