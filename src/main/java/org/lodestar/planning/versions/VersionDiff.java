package org.lodestar.planning.versions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed between two versions of a plan, item by item: items are followed by their id, so an item renamed,
 * moved to another goal or reordered is the same item changed, not one removed and another added. Each version is a
 * list of items, each a map of field to text (the plan export's columns, {@code _id}, {@code _kind} and
 * {@code _parent}); a field missing and a field empty are alike.
 */
public final class VersionDiff {

    /** Fields that say where an item is written rather than what it says: a code generated from its place. */
    private static final Set<String> PLACE = Set.of("code", "parent", "tier", "_id", "_kind");

    /** The id of an outcome's or action's goal: a change of it is a move. */
    private static final String PARENT = "_parent";

    private VersionDiff() {}

    /** An item as one version has it: its id, its kind (GOAL, OUTCOME, ACTION) and its title. */
    public record Item(String id, String kind, String title) {}

    /** One field of a changed item, as it was and as it is. */
    public record FieldChange(String field, String before, String after) {}

    /** An item in both versions with at least one field different. */
    public record Changed(Item before, Item after, List<FieldChange> fields) {}

    public record Comparison(List<Item> added, List<Item> removed, List<Changed> changed) {

        public boolean same() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    /** The items of {@code to} not in {@code from}, those of {@code from} not in {@code to}, and those changed. */
    public static Comparison compare(List<Map<String, String>> from, List<Map<String, String>> to) {
        Map<String, Map<String, String>> before = byId(from);
        Map<String, Map<String, String>> after = byId(to);
        List<Item> added = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> entry : after.entrySet()) {
            Map<String, String> was = before.get(entry.getKey());
            if (was == null) {
                added.add(item(entry.getValue()));
                continue;
            }
            List<FieldChange> fields = fields(was, entry.getValue(), before, after);
            if (!fields.isEmpty()) {
                changed.add(new Changed(item(was), item(entry.getValue()), fields));
            }
        }
        List<Item> removed = before.entrySet().stream()
                .filter(entry -> !after.containsKey(entry.getKey()))
                .map(entry -> item(entry.getValue()))
                .toList();
        return new Comparison(List.copyOf(added), removed, List.copyOf(changed));
    }

    private static Map<String, Map<String, String>> byId(List<Map<String, String>> items) {
        Map<String, Map<String, String>> byId = new LinkedHashMap<>();
        for (Map<String, String> item : items) {
            String id = item.get("_id");
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("an item of a version has no _id: " + item);
            }
            byId.put(id, item);
        }
        return byId;
    }

    /**
     * The fields that differ; a move to another goal reads as the goals' titles (each from its own version), not as
     * their ids.
     */
    private static List<FieldChange> fields(
            Map<String, String> before,
            Map<String, String> after,
            Map<String, Map<String, String>> itemsBefore,
            Map<String, Map<String, String>> itemsAfter) {
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        names.removeAll(PLACE);
        List<FieldChange> changes = new ArrayList<>();
        for (String name : names) {
            String was = text(before.get(name));
            String is = text(after.get(name));
            if (Objects.equals(was, is)) {
                continue;
            }
            if (name.equals(PARENT)) {
                changes.add(new FieldChange(name, titleOf(itemsBefore, was), titleOf(itemsAfter, is)));
            } else {
                changes.add(new FieldChange(name, was, is));
            }
        }
        return changes;
    }

    private static String titleOf(Map<String, Map<String, String>> items, String id) {
        Map<String, String> item = items.get(id);
        return item == null ? id : text(item.get("title"));
    }

    private static Item item(Map<String, String> fields) {
        return new Item(fields.get("_id"), text(fields.get("_kind")), text(fields.get("title")));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
