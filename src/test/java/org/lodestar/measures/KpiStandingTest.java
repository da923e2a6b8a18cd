package org.lodestar.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** When a KPI counts as having changed status, for the home page's list. */
class KpiStandingTest {

    private static final Kpi KPI = new Kpi(
            null,
            null,
            "Attendance",
            null,
            Kpi.Unit.PERCENT,
            null,
            BigDecimal.ONE,
            2024,
            null,
            null,
            null,
            false,
            true,
            java.util.Set.of(),
            false,
            0,
            new TreeMap<>(),
            0);

    private static KpiStanding standing(String previous, String now) {
        return new KpiStanding(KPI, now, previous, 2025, BigDecimal.TEN, BigDecimal.TEN);
    }

    @Test
    void aChangeIsBetweenTwoJudgedValues() {
        assertThat(standing("ON_TRACK", "AT_RISK").changed()).isTrue();
        assertThat(standing("OFF_TRACK", "ON_TRACK").changed()).isTrue();
        assertThat(standing("AT_RISK", "AT_RISK").changed()).isFalse();
        // one value only, or the one before the baseline year (nothing was expected of it): no change to tell
        assertThat(standing(null, "ON_TRACK").changed()).isFalse();
        assertThat(standing("NO_DATA", "OFF_TRACK").changed()).isFalse();
    }
}
