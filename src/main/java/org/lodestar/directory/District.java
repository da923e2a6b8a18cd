package org.lodestar.directory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.lodestar.shared.SchoolYear;

/**
 * A district (the tenant) and the settings it chose.
 *
 * @param defaultLanguage the language of pages nobody chose a language for, and the one plan content is entered in
 *     first (its translation into the other is optional)
 * @param tiers the tiers' names in English
 * @param spanishTiers the tiers' names in Spanish
 * @param currency the ISO 4217 code of the currency the district plans in (USD, CAD, MXN...)
 * @param version the saved version of the settings this was read at; a save of an older version is refused
 */
public record District(
        UUID id,
        String name,
        String slug,
        boolean sampleData,
        TierNames tiers,
        TierNames spanishTiers,
        int schoolYearStartMonth,
        int minimumN,
        BigDecimal statusTolerancePercent,
        String defaultLanguage,
        String currency,
        int version) {

    /** The tiers' names in a reader's language (Spanish for "es", else English). */
    public TierNames tiersIn(String language) {
        return "es".equals(language) ? spanishTiers : tiers;
    }

    /** The school year a date falls in, by the month this district's school year starts. */
    public SchoolYear schoolYearOf(LocalDate date) {
        return SchoolYear.containing(date, schoolYearStartMonth);
    }
}
