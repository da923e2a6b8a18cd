package org.lodestar.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    private static final List<List<String>> RACE = List.of(List.of("ASIAN", "BLACK", "HISPANIC", "WHITE"));

    @Test
    void showsEveryCellWhenAllGroupsAreLargeAndCoverTheTotal() {
        var counts = Map.of("ASIAN", 40, "BLACK", 60, "HISPANIC", 100, "WHITE", 300);
        assertThat(Suppression.hiddenCells(10, 500, counts, RACE)).isEmpty();
    }

    @Test
    void hidesAGroupBelowTheMinimumAndTheNextSmallestSoItCannotBeDerivedFromTheTotal() {
        var counts = Map.of("ASIAN", 4, "BLACK", 60, "HISPANIC", 36, "WHITE", 400);
        assertThat(Suppression.hiddenCells(10, 500, counts, RACE)).containsExactlyInAnyOrder("ASIAN", "HISPANIC");
    }

    @Test
    void aSmallGroupLeftOutOfTheFamilyForcesTheSmallestShownGroupToBeHidden() {
        // 7 students belong to no listed group: total minus the four shown groups would reveal them
        var counts = Map.of("ASIAN", 40, "BLACK", 60, "HISPANIC", 93, "WHITE", 300);
        assertThat(Suppression.hiddenCells(10, 500, counts, RACE)).containsExactly("ASIAN");
    }

    @Test
    void twoSmallGroupsThatTogetherReachTheMinimumNeedNoThirdCell() {
        var counts = Map.of("ASIAN", 6, "BLACK", 5, "HISPANIC", 89, "WHITE", 400);
        assertThat(Suppression.hiddenCells(10, 500, counts, RACE)).containsExactlyInAnyOrder("ASIAN", "BLACK");
    }

    @Test
    void twoSmallGroupsBelowTheMinimumTogetherPullInAThird() {
        var counts = Map.of("ASIAN", 3, "BLACK", 4, "HISPANIC", 93, "WHITE", 400);
        assertThat(Suppression.hiddenCells(10, 500, counts, RACE))
                .containsExactlyInAnyOrder("ASIAN", "BLACK", "HISPANIC");
    }

    @Test
    void aLargeRemainderProtectsASingleHiddenGroup() {
        // 200 students sit in groups that are not shown, so the hidden 5 cannot be isolated
        var counts = Map.of("ASIAN", 5, "BLACK", 95, "WHITE", 200);
        assertThat(Suppression.hiddenCells(10, 500, counts, List.of(List.of("ASIAN", "BLACK", "WHITE"))))
                .containsExactly("ASIAN");
    }

    @Test
    void aTotalBelowTheMinimumHidesEverything() {
        var counts = Map.of("ASIAN", 2, "WHITE", 6);
        assertThat(Suppression.hiddenCells(10, 8, counts, RACE)).containsExactlyInAnyOrder("ASIAN", "WHITE");
    }

    @Test
    void valuesWithoutAnNAreNotAboutStudentsAndStayShown() {
        Map<String, Integer> counts = new HashMap<>();
        counts.put("BUDGET", null);
        counts.put("ASIAN", 3);
        assertThat(Suppression.hiddenCells(10, null, counts, List.of())).containsExactly("ASIAN");
    }

    @Test
    void schoolsOfADistrictAreAFamilyToo() {
        // the district total minus two shown schools would reveal the small school, so the next smallest is hidden
        var counts = new LinkedHashMap<String, Integer>();
        counts.put("SCHOOL_A", 95);
        counts.put("SCHOOL_B", 3);
        counts.put("SCHOOL_C", 402);
        var families = List.of(List.of("SCHOOL_A", "SCHOOL_B", "SCHOOL_C"));
        assertThat(Suppression.hiddenCells(10, 500, counts, families))
                .containsExactlyInAnyOrder("SCHOOL_A", "SCHOOL_B");
    }

    @Test
    void keepsHidingUntilWhatIsNotShownReachesTheMinimum() {
        var counts = Map.of("ASIAN", 1, "BLACK", 2, "HISPANIC", 3, "WHITE", 494);
        assertThat(Suppression.hiddenCells(10, 500, counts, RACE))
                .containsExactlyInAnyOrder("ASIAN", "BLACK", "HISPANIC", "WHITE");
    }

    @Test
    void theMinimumIsTheDistrictsOwn() {
        var counts = Map.of("ASIAN", 15, "BLACK", 85, "HISPANIC", 100, "WHITE", 300);
        assertThat(Suppression.hiddenCells(10, 500, counts, RACE)).isEmpty();
        assertThat(Suppression.hiddenCells(20, 500, counts, RACE)).containsExactlyInAnyOrder("ASIAN", "BLACK");
        assertThat(Suppression.hides(20, 19)).isTrue();
        assertThat(Suppression.hides(20, 20)).isFalse();
        assertThat(Suppression.hides(20, null)).isFalse();
    }
}
