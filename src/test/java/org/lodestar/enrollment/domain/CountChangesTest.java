package org.lodestar.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountChangesTest {

    @Test
    void recordsTheSchoolYearsTotalsBeforeAndAfterOnlyWhereACountChanged() {
        CountChanges changes = new CountChanges();
        changes.add("Birch", 2024, 300, 50, 57);
        changes.add("Birch", 2024, 300, 40, 40);
        changes.add("Birch", 2025, null, null, 60);
        changes.add("Aspen", 2024, 200, 30, 30);
        assertThat(changes.changedCount()).isEqualTo(2);
        assertThat(changes.before()).containsOnlyKeys("Birch 2024-25", "Birch 2025-26");
        assertThat(changes.before().get("Birch 2024-25")).isEqualTo(300);
        assertThat(changes.after().get("Birch 2024-25")).isEqualTo(307);
        assertThat(changes.before().get("Birch 2025-26")).isNull();
        assertThat(changes.after().get("Birch 2025-26")).isEqualTo(60);
    }

    @Test
    void keepsTheFirstFiftySchoolYearsAndCountsTheRest() {
        CountChanges changes = new CountChanges();
        for (int school = 0; school < 80; school++) {
            changes.add("School " + (100 + school), 2024, 10, 10, 11);
        }
        assertThat(changes.after()).hasSize(CountChanges.SHOWN + 1).containsEntry("history.field.moreSchoolYears", 30);
        assertThat(changes.before()).containsKey("School 149 2024-25").doesNotContainKey("School 150 2024-25");
    }
}
