package org.lodestar.directory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.lodestar.shared.SchoolYear;

/**
 * A district (the tenant) and the settings it chose.
 *
 * @param currency the ISO 4217 code of the currency the district plans in (USD, CAD, MXN...)
 * @param version the saved version of the settings this was read at; a save of an older version is refused
 */
public record District(
        UUID id,
        String name,
        String slug,
        boolean sampleData,
        TierNames tiers,
        int schoolYearStartMonth,
        int minimumN,
        BigDecimal statusTolerancePercent,
        String defaultLanguage,
        String currency,
        int version) {

    /** The school year a date falls in, by the month this district's school year starts. */
    public SchoolYear schoolYearOf(LocalDate date) {
        return SchoolYear.containing(date, schoolYearStartMonth);
    }
}
