package org.lodestar.execution.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkDatesTest {

    @Test
    void datesInOrderAndAPercentInRangePass() {
        assertThat(WorkDates.problems("2026-01-01", "2026-01-01", "0", false)).isEmpty();
        assertThat(WorkDates.problems("", "", "", false)).isEmpty();
        assertThat(WorkDates.problems("1990-01-01", "2100-12-31", "100", false)).isEmpty();
    }

    @Test
    void eachRefusalIsNamedByItsField() {
        assertThat(WorkDates.problems("2026-03-01", "2026-02-28", "5", false))
                .isEqualTo(Map.of("dueDate", "work.dueBeforeStart"));
        assertThat(WorkDates.problems("1989-12-31", "2101-01-01", "101", false))
                .isEqualTo(Map.of(
                        "startDate",
                        "work.dateInvalid",
                        "dueDate",
                        "work.dateInvalid",
                        "percent",
                        "work.percentInvalid"));
        assertThat(WorkDates.problems("", "", "-1", false)).isEqualTo(Map.of("percent", "work.percentInvalid"));
        assertThat(WorkDates.problems("", "", "12.5", false)).isEqualTo(Map.of("percent", "work.percentInvalid"));
        assertThat(WorkDates.problems("31/01/2026", "", "1", false)).isEqualTo(Map.of("startDate", "work.dateInvalid"));
    }

    @Test
    void aMilestoneHasOneDate() {
        assertThat(WorkDates.problems("", "2026-05-01", "0", true)).isEmpty();
        assertThat(WorkDates.problems("2026-05-01", "2026-05-01", "0", true)).isEmpty();
        assertThat(WorkDates.problems("", "", "0", true)).isEqualTo(Map.of("dueDate", "work.milestoneNeedsDate"));
        assertThat(WorkDates.problems("2026-04-01", "2026-05-01", "0", true))
                .isEqualTo(Map.of("dueDate", "work.milestoneOneDay"));
        assertThat(WorkDates.read(" 2026-05-01 ")).contains(LocalDate.of(2026, 5, 1));
    }
}
