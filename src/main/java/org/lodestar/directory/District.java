package org.lodestar.directory;

import java.math.BigDecimal;
import java.util.UUID;

/** A district (the tenant) and the settings it chose. */
public record District(
        UUID id,
        String name,
        String slug,
        boolean sampleData,
        TierNames tiers,
        int schoolYearStartMonth,
        int minimumN,
        BigDecimal statusTolerancePercent,
        String defaultLanguage) {}
