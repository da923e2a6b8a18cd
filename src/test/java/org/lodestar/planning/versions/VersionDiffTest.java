package org.lodestar.planning.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionDiffTest {

    private static Map<String, String> goal(String id, String title) {
        return Map.of("_id", id, "_kind", "GOAL", "code", "G" + id, "title", title, "_parent", "");
    }

    private static Map<String, String> action(String id, String goal, String title, String owner) {
        return Map.of("_id", id, "_kind", "ACTION", "code", "A" + id, "title", title, "_parent", goal, "owner", owner);
    }

    @Test
    void followsItemsByIdSoARenameIsAChangeNotARemovalAndAnAddition() {
        var from = List.of(goal("1", "Reading"), action("2", "1", "Tutoring", "a@x"));
        var to = List.of(goal("1", "Reading and writing"), action("2", "1", "Tutoring", "a@x"));

        VersionDiff.Comparison comparison = VersionDiff.compare(from, to);

        assertThat(comparison.added()).isEmpty();
        assertThat(comparison.removed()).isEmpty();
        assertThat(comparison.changed()).singleElement().satisfies(changed -> {
            assertThat(changed.before().title()).isEqualTo("Reading");
            assertThat(changed.after().title()).isEqualTo("Reading and writing");
            assertThat(changed.fields())
                    .containsExactly(new VersionDiff.FieldChange("title", "Reading", "Reading and writing"));
        });
    }

    @Test
    void listsAddedAndRemovedItemsAndIgnoresCodesThatFollowTheirPlace() {
        var from = List.of(goal("1", "Reading"), action("2", "1", "Tutoring", "a@x"));
        Map<String, String> renumbered = new java.util.HashMap<>(goal("1", "Reading"));
        renumbered.put("code", "G9");
        var to = List.of(renumbered, action("3", "1", "Family nights", ""));

        VersionDiff.Comparison comparison = VersionDiff.compare(from, to);

        assertThat(comparison.added()).containsExactly(new VersionDiff.Item("3", "ACTION", "Family nights"));
        assertThat(comparison.removed()).containsExactly(new VersionDiff.Item("2", "ACTION", "Tutoring"));
        assertThat(comparison.changed()).isEmpty();
        assertThat(comparison.same()).isFalse();
    }

    @Test
    void aMoveToAnotherGoalReadsAsTheGoalsTitlesAndAMissingFieldIsAnEmptyOne() {
        var from = List.of(goal("1", "Reading"), goal("4", "Attendance"), action("2", "1", "Tutoring", "a@x"));
        Map<String, String> moved = new java.util.HashMap<>(action("2", "4", "Tutoring", "b@x"));
        var to = List.of(goal("1", "Reading"), goal("4", "Attendance"), moved);

        var fields = VersionDiff.compare(from, to).changed().get(0).fields();

        assertThat(fields)
                .containsExactlyInAnyOrder(
                        new VersionDiff.FieldChange("_parent", "Reading", "Attendance"),
                        new VersionDiff.FieldChange("owner", "a@x", "b@x"));
        Map<String, String> withoutOwner = new java.util.HashMap<>(moved);
        withoutOwner.remove("owner");
        Map<String, String> emptyOwner = new java.util.HashMap<>(moved);
        emptyOwner.put("owner", "");
        assertThat(VersionDiff.compare(List.of(withoutOwner), List.of(emptyOwner))
                        .same())
                .isTrue();
    }

    @Test
    void anItemWithoutIdIsRefused() {
        assertThatThrownBy(() -> VersionDiff.compare(List.of(Map.of("title", "x")), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
