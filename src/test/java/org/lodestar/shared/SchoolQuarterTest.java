package org.lodestar.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Quarters follow the district's school-year start month, three months each, the year's last quarter ending its year. */
class SchoolQuarterTest {

    @Test
    void aYearStartingInJulyHasJulyToSeptemberFirstAndAprilToJuneLast() {
        assertThat(new SchoolQuarter(2025, 1).start(7)).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(new SchoolQuarter(2025, 1).end(7)).isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(new SchoolQuarter(2025, 2).start(7)).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(new SchoolQuarter(2025, 2).end(7)).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(new SchoolQuarter(2025, 3).start(7)).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(new SchoolQuarter(2025, 3).end(7)).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(new SchoolQuarter(2025, 4).start(7)).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(new SchoolQuarter(2025, 4).end(7)).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void aYearStartingInAugustCrossesFebruaryOfALeapYear() {
        assertThat(new SchoolQuarter(2027, 2).start(8)).isEqualTo(LocalDate.of(2027, 11, 1));
        assertThat(new SchoolQuarter(2027, 2).end(8)).isEqualTo(LocalDate.of(2028, 1, 31));
        assertThat(new SchoolQuarter(2027, 3).end(8)).isEqualTo(LocalDate.of(2028, 4, 30));
        assertThat(new SchoolQuarter(2027, 4).end(8)).isEqualTo(LocalDate.of(2028, 7, 31));
        assertThat(new SchoolQuarter(2027, 3).start(8)).isEqualTo(LocalDate.of(2028, 2, 1));
    }

    @Test
    void aCalendarYearSchoolYearHasTheCalendarsQuarters() {
        assertThat(new SchoolQuarter(2026, 1).end(1)).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(new SchoolQuarter(2026, 4).start(1)).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(new SchoolQuarter(2026, 4).end(1)).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void theWholeYearRunsFromTheStartMonthToTheDayBeforeItAYearLater() {
        SchoolQuarter year = new SchoolQuarter(2025, 0);
        assertThat(year.wholeYear()).isTrue();
        assertThat(year.start(7)).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(year.end(7)).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(year).hasToString("2025-26");
        assertThat(new SchoolQuarter(2025, 3)).hasToString("Q3 2025-26");
    }

    @Test
    void aDayFallsInTheQuarterOfItsSchoolYear() {
        assertThat(SchoolQuarter.containing(LocalDate.of(2025, 7, 1), 7)).isEqualTo(new SchoolQuarter(2025, 1));
        assertThat(SchoolQuarter.containing(LocalDate.of(2025, 9, 30), 7)).isEqualTo(new SchoolQuarter(2025, 1));
        assertThat(SchoolQuarter.containing(LocalDate.of(2025, 10, 1), 7)).isEqualTo(new SchoolQuarter(2025, 2));
        assertThat(SchoolQuarter.containing(LocalDate.of(2026, 1, 15), 7)).isEqualTo(new SchoolQuarter(2025, 3));
        assertThat(SchoolQuarter.containing(LocalDate.of(2026, 6, 30), 7)).isEqualTo(new SchoolQuarter(2025, 4));
        assertThat(SchoolQuarter.containing(LocalDate.of(2026, 7, 1), 7)).isEqualTo(new SchoolQuarter(2026, 1));
        assertThat(SchoolQuarter.containing(LocalDate.of(2026, 2, 28), 9)).isEqualTo(new SchoolQuarter(2025, 2));
        assertThat(SchoolQuarter.containing(LocalDate.of(2026, 3, 1), 9)).isEqualTo(new SchoolQuarter(2025, 3));
        assertThat(SchoolQuarter.containing(LocalDate.of(2026, 8, 31), 9)).isEqualTo(new SchoolQuarter(2025, 4));
    }

    @Test
    void aQuarterBeyondFourIsRefused() {
        assertThatThrownBy(() -> new SchoolQuarter(2025, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SchoolQuarter(2025, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
