package org.lodestar.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a person sees when their save met someone else's: each field where what they typed differs from what is saved
 * now. The form is shown again with their entries and the saved version, so saving again deliberately replaces the
 * other edit and leaving keeps it.
 *
 * @param differences field label, their entry, the value saved now
 * @param fieldsInWords whether the field labels are words already (cells of a grid: "2024-25 K") rather than message keys
 */
public record EditConflict(List<Difference> differences, boolean fieldsInWords) {

    public record Difference(String field, String yours, String saved) {}

    /** The fields (same keys, in the order of {@code yours}) whose values differ. */
    public static EditConflict between(Map<String, String> yours, Map<String, String> saved) {
        List<Difference> differences = new ArrayList<>();
        yours.forEach((field, value) -> {
            String current = saved.get(field);
            if (!Objects.equals(blankToNull(value), blankToNull(current))) {
                differences.add(new Difference(field, value, current));
            }
        });
        return new EditConflict(List.copyOf(differences), false);
    }

    /** Differences whose field labels are words already. */
    public static EditConflict inWords(List<Difference> differences) {
        return new EditConflict(List.copyOf(differences), true);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
