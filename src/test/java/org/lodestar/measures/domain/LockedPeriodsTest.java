package org.lodestar.measures.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestar.measures.Kpi.Frequency.ANNUAL;
import static org.lodestar.measures.Kpi.Frequency.MONTHLY;
import static org.lodestar.measures.Kpi.Frequency.QUARTERLY;
import static org.lodestar.measures.Kpi.Frequency.SEMESTER;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.shared.SchoolQuarter;

/** Which values a quarter's lock and a year's lock cover, by the KPI's frequency and the value's period. */
class LockedPeriodsTest {

    private final UUID kpi = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    @Test
    void periodsBelongToTheQuarterTheyEndIn() {
        assertThat(LockedPeriods.quarterOf(QUARTERLY, 1)).isEqualTo(1);
        assertThat(LockedPeriods.quarterOf(QUARTERLY, 4)).isEqualTo(4);
        assertThat(LockedPeriods.quarterOf(QUARTERLY, 5)).isNull();
        assertThat(LockedPeriods.quarterOf(MONTHLY, 1)).isEqualTo(1);
        assertThat(LockedPeriods.quarterOf(MONTHLY, 3)).isEqualTo(1);
        assertThat(LockedPeriods.quarterOf(MONTHLY, 4)).isEqualTo(2);
        assertThat(LockedPeriods.quarterOf(MONTHLY, 12)).isEqualTo(4);
        assertThat(LockedPeriods.quarterOf(SEMESTER, 1)).isEqualTo(2);
        assertThat(LockedPeriods.quarterOf(SEMESTER, 2)).isEqualTo(4);
        assertThat(LockedPeriods.quarterOf(SEMESTER, 3)).isNull();
        assertThat(LockedPeriods.quarterOf(ANNUAL, 0)).isNull();
        assertThat(LockedPeriods.quarterOf(MONTHLY, 0)).isNull();
    }

    @Test
    void aQuartersLockCoversItsPeriodsOfThatKpiAndYearOnly() {
        LockedPeriods locks = new LockedPeriods(List.of(new LockedPeriods.Lock(kpi, 2025, 1)));

        assertThat(locks.lockedFor(kpi, QUARTERLY, 2025, 1)).contains(new SchoolQuarter(2025, 1));
        assertThat(locks.lockedFor(kpi, MONTHLY, 2025, 2)).contains(new SchoolQuarter(2025, 1));
        assertThat(locks.lockedFor(kpi, QUARTERLY, 2025, 2)).isEmpty();
        assertThat(locks.lockedFor(kpi, MONTHLY, 2025, 4)).isEmpty();
        assertThat(locks.lockedFor(kpi, QUARTERLY, 2024, 1)).isEmpty();
        assertThat(locks.lockedFor(other, QUARTERLY, 2025, 1)).isEmpty();
        // the first semester ends in Q2, so Q1's lock leaves it open
        assertThat(locks.lockedFor(kpi, SEMESTER, 2025, 1)).isEmpty();
    }

    @Test
    void aWholeYearValueIsLockedOnlyByTheYearsLockWhichCoversEveryPeriod() {
        LockedPeriods quarters = new LockedPeriods(List.of(
                new LockedPeriods.Lock(kpi, 2025, 1),
                new LockedPeriods.Lock(kpi, 2025, 2),
                new LockedPeriods.Lock(kpi, 2025, 3),
                new LockedPeriods.Lock(kpi, 2025, 4)));
        assertThat(quarters.lockedFor(kpi, ANNUAL, 2025, 0)).isEmpty();

        LockedPeriods year = new LockedPeriods(List.of(new LockedPeriods.Lock(kpi, 2025, 0)));
        assertThat(year.lockedFor(kpi, ANNUAL, 2025, 0)).contains(new SchoolQuarter(2025, 0));
        assertThat(year.lockedFor(kpi, MONTHLY, 2025, 7)).contains(new SchoolQuarter(2025, 0));
        assertThat(year.lockedFor(kpi, ANNUAL, 2026, 0)).isEmpty();
    }
}
