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
        assertThat(Suppression.hiddenCells(10, true, 500, counts, RACE)).isEmpty();
    }

    @Test
    void hidesAGroupBelowTheMinimumAndTheNextSmallestSoItCannotBeDerivedFromTheTotal() {
        var counts = Map.of("ASIAN", 4, "BLACK", 60, "HISPANIC", 36, "WHITE", 400);
        assertThat(Suppression.hiddenCells(10, true, 500, counts, RACE)).containsExactlyInAnyOrder("ASIAN", "HISPANIC");
    }

    @Test
    void aSmallGroupLeftOutOfTheFamilyForcesTheSmallestShownGroupToBeHidden() {
        // 7 students belong to no listed group: total minus the four shown groups would reveal them
        var counts = Map.of("ASIAN", 40, "BLACK", 60, "HISPANIC", 93, "WHITE", 300);
        assertThat(Suppression.hiddenCells(10, true, 500, counts, RACE)).containsExactly("ASIAN");
    }

    @Test
    void twoSmallGroupsThatTogetherReachTheMinimumNeedNoThirdCell() {
        var counts = Map.of("ASIAN", 6, "BLACK", 5, "HISPANIC", 89, "WHITE", 400);
        assertThat(Suppression.hiddenCells(10, true, 500, counts, RACE)).containsExactlyInAnyOrder("ASIAN", "BLACK");
    }

    @Test
    void twoSmallGroupsBelowTheMinimumTogetherPullInAThird() {
        var counts = Map.of("ASIAN", 3, "BLACK", 4, "HISPANIC", 93, "WHITE", 400);
        assertThat(Suppression.hiddenCells(10, true, 500, counts, RACE))
                .containsExactlyInAnyOrder("ASIAN", "BLACK", "HISPANIC");
    }

    @Test
    void aLargeRemainderProtectsASingleHiddenGroup() {
        // 200 students sit in groups that are not shown, so the hidden 5 cannot be isolated
        var counts = Map.of("ASIAN", 5, "BLACK", 95, "WHITE", 200);
        assertThat(Suppression.hiddenCells(10, true, 500, counts, List.of(List.of("ASIAN", "BLACK", "WHITE"))))
                .containsExactly("ASIAN");
    }

    @Test
    void aTotalBelowTheMinimumHidesEverything() {
        var counts = Map.of("ASIAN", 2, "WHITE", 6);
        assertThat(Suppression.hiddenCells(10, true, 8, counts, RACE)).containsExactlyInAnyOrder("ASIAN", "WHITE");
    }

    @Test
    void valuesNotAboutStudentsAreNeverHidden() {
        Map<String, Integer> counts = new HashMap<>();
        counts.put("CENTRAL_OFFICE", null);
        counts.put("SCHOOL_A", 3);
        assertThat(Suppression.hiddenCells(10, false, null, counts, List.of(List.of("CENTRAL_OFFICE", "SCHOOL_A"))))
                .isEmpty();
        assertThat(Suppression.hides(10, false, null)).isFalse();
        assertThat(Suppression.hides(10, false, 2)).isFalse();
    }

    @Test
    void aTotalWithoutAnNHidesEveryBreakdownBecauseWhatIsLeftOutCannotBeJudged() {
        // the probe: total 120 recorded without n, groups 60, 40, 15 and a hidden 5; 120 - 60 - 40 - 15 = 5
        var counts = Map.of("ASIAN", 5, "BLACK", 60, "HISPANIC", 40, "WHITE", 15);
        assertThat(Suppression.hiddenCells(10, true, null, counts, RACE))
                .containsExactlyInAnyOrder("ASIAN", "BLACK", "HISPANIC", "WHITE");
        assertThat(Suppression.hides(10, true, null)).isTrue();
    }

    @Test
    void aGroupWithoutAnNIsHiddenAndCountsAsNotShown() {
        // the group without n may be 5 students: 120 - 60 - 40 - 15 leaves only its unknown count, so 15 goes too
        Map<String, Integer> counts = new HashMap<>();
        counts.put("ASIAN", null);
        counts.put("BLACK", 60);
        counts.put("HISPANIC", 40);
        counts.put("WHITE", 15);
        assertThat(Suppression.hiddenCells(10, true, 120, counts, RACE)).containsExactlyInAnyOrder("ASIAN", "WHITE");
    }

    @Test
    void aGroupWithoutAnNBesideALargeRemainderHidesOnlyItself() {
        Map<String, Integer> counts = new HashMap<>();
        counts.put("ASIAN", null);
        counts.put("BLACK", 60);
        counts.put("HISPANIC", 40);
        counts.put("WHITE", 300);
        assertThat(Suppression.hiddenCells(10, true, 500, counts, RACE)).containsExactly("ASIAN");
    }

    @Test
    void aSchoolWithoutAnNIsHiddenAndItsSiblingsProtectIt() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("SCHOOL_A", 95);
        counts.put("SCHOOL_B", null);
        counts.put("SCHOOL_C", 400);
        var families = List.of(List.of("SCHOOL_A", "SCHOOL_B", "SCHOOL_C"));
        assertThat(Suppression.hiddenCells(10, true, 500, counts, families))
                .containsExactlyInAnyOrder("SCHOOL_A", "SCHOOL_B");
    }

    @Test
    void schoolsOfADistrictAreAFamilyToo() {
        // the district total minus two shown schools would reveal the small school, so the next smallest is hidden
        var counts = new LinkedHashMap<String, Integer>();
        counts.put("SCHOOL_A", 95);
        counts.put("SCHOOL_B", 3);
        counts.put("SCHOOL_C", 402);
        var families = List.of(List.of("SCHOOL_A", "SCHOOL_B", "SCHOOL_C"));
        assertThat(Suppression.hiddenCells(10, true, 500, counts, families))
                .containsExactlyInAnyOrder("SCHOOL_A", "SCHOOL_B");
    }

    @Test
    void keepsHidingUntilWhatIsNotShownReachesTheMinimum() {
        var counts = Map.of("ASIAN", 1, "BLACK", 2, "HISPANIC", 3, "WHITE", 494);
        assertThat(Suppression.hiddenCells(10, true, 500, counts, RACE))
                .containsExactlyInAnyOrder("ASIAN", "BLACK", "HISPANIC", "WHITE");
    }

    @Test
    void theMinimumIsTheDistrictsOwn() {
        var counts = Map.of("ASIAN", 15, "BLACK", 85, "HISPANIC", 100, "WHITE", 300);
        assertThat(Suppression.hiddenCells(10, true, 500, counts, RACE)).isEmpty();
        assertThat(Suppression.hiddenCells(20, true, 500, counts, RACE)).containsExactlyInAnyOrder("ASIAN", "BLACK");
        assertThat(Suppression.hides(20, true, 19)).isTrue();
        assertThat(Suppression.hides(20, true, 20)).isFalse();
        assertThat(Suppression.hides(20, true, null)).isTrue();
    }

    // a table of schools (rows) by student group (columns): each row against the school's total, each column against
    // the group's total in the district

    private static Suppression.TableCell<String, String> at(String school, String group) {
        return new Suppression.TableCell<>(school, group);
    }

    @Test
    void inATableASmallGroupOfASchoolTakesTheSchoolsNextSmallestWithIt() {
        Map<Suppression.TableCell<String, String>, Integer> counts =
                Map.of(at("A", "ASIAN"), 3, at("A", "BLACK"), 14, at("A", "HISPANIC"), 20, at("A", "WHITE"), 63);
        var hidden = Suppression.hiddenInTable(
                10,
                true,
                Map.of("A", 100),
                Map.of("ASIAN", 50, "BLACK", 80, "HISPANIC", 200, "WHITE", 400),
                counts,
                RACE);
        assertThat(hidden).containsExactlyInAnyOrder(at("A", "ASIAN"), at("A", "BLACK"));
    }

    @Test
    void inATableASmallGroupOfASchoolTakesTheSameGroupAtAnotherSchoolWithIt() {
        // the district's 30 English learners: 25 at A, 5 at B; showing A's would give B's away
        Map<Suppression.TableCell<String, String>, Integer> counts = Map.of(at("A", "EL"), 25, at("B", "EL"), 5);
        var hidden = Suppression.hiddenInTable(
                10, true, Map.of("A", 300, "B", 200), Map.of("EL", 30), counts, List.of(List.of("EL")));
        assertThat(hidden).containsExactlyInAnyOrder(at("A", "EL"), at("B", "EL"));
        // with 20 more English learners at schools that do not report them, A's 25 can be shown
        assertThat(Suppression.hiddenInTable(
                        10, true, Map.of("A", 300, "B", 200), Map.of("EL", 50), counts, List.of(List.of("EL"))))
                .containsExactly(at("B", "EL"));
    }

    @Test
    void inATableAHiddenOrUnknownTotalHidesItsWholeRowOrColumn() {
        Map<Suppression.TableCell<String, String>, Integer> counts =
                Map.of(at("A", "EL"), 40, at("A", "SWD"), 30, at("B", "EL"), 50, at("B", "SWD"), 35);
        Map<String, Integer> rows = new HashMap<>();
        rows.put("A", null); // A's own total is hidden
        rows.put("B", 400);
        Map<String, Integer> columns = new HashMap<>();
        columns.put("EL", 500);
        columns.put("SWD", null); // the district's page hides it
        var families = List.of(List.of("EL"), List.of("SWD"));
        assertThat(Suppression.hiddenInTable(10, true, rows, columns, counts, families))
                .containsExactlyInAnyOrder(at("A", "EL"), at("A", "SWD"), at("B", "SWD"));
        // a school alone (no columns to add up): only its own rules, and nothing when the values are not about students
        assertThat(Suppression.hiddenInTable(10, true, Map.of("A", 400, "B", 400), null, counts, families))
                .isEmpty();
        assertThat(Suppression.hiddenInTable(10, false, rows, columns, counts, families))
                .isEmpty();
    }
}
