package org.lodestar.execution.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.lodestar.execution.review.ReviewRefused;
import org.lodestar.shared.EditConflict;
import org.springframework.context.MessageSource;

/**
 * What the quarterly review's and the year-end evaluation's forms share: each row's choice ({@code <field>-<row>}, an
 * enum's name) and note ({@code note-<row>}) as typed, read without binding nested lists, and worded for the conflict
 * table when someone saved in between.
 */
final class DecisionRows {

    /** The longest note a row takes. */
    static final int NOTE_LIMIT = 2000;

    /** What a row's fields hold on the page: as saved, or as typed. */
    record Typed(String choice, String note) {}

    /** The rows sent: what was typed, what was chosen (of the rows without fault), and the rows at fault. */
    record Read<E>(Map<UUID, Typed> typed, Map<UUID, Chosen<E>> chosen, List<UUID> faulty) {

        /**
         * The decisions the rows sent, each made by {@code decision} from its choice and note, in the rows' order; a
         * row at fault refuses them all ({@link ReviewRefused}, naming the rows), so nothing is half-saved.
         */
        <D> Map<UUID, D> decisions(java.util.function.BiFunction<E, String, D> decision) {
            if (!faulty.isEmpty()) {
                throw new ReviewRefused("quarterly.error.row", List.of(NOTE_LIMIT), faulty);
            }
            Map<UUID, D> decisions = new LinkedHashMap<>();
            chosen.forEach((row, chosen) -> decisions.put(row, decision.apply(chosen.choice(), chosen.note())));
            return decisions;
        }
    }

    /** A row's choice (null: none yet) and note. */
    record Chosen<E>(E choice, String note) {}

    private DecisionRows() {}

    /** Reads the given rows' fields; a row sending neither is left as saved. */
    static <E extends Enum<E>> Read<E> read(HttpServletRequest request, String field, Class<E> type, List<UUID> rows) {
        Map<UUID, Typed> typed = new LinkedHashMap<>();
        Map<UUID, Chosen<E>> chosen = new LinkedHashMap<>();
        List<UUID> faulty = new ArrayList<>();
        for (UUID row : rows) {
            String choice = request.getParameter(field + "-" + row);
            String note = request.getParameter("note-" + row);
            if (choice == null && note == null) {
                continue;
            }
            typed.put(row, new Typed(choice, note));
            Optional<E> value = choice(type, choice);
            if ((choice != null && !choice.isBlank() && value.isEmpty())
                    || (note != null && note.length() > NOTE_LIMIT)) {
                faulty.add(row);
            } else {
                chosen.put(row, new Chosen<>(value.orElse(null), note));
            }
        }
        return new Read<>(typed, chosen, faulty);
    }

    static <E extends Enum<E>> Optional<E> choice(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, text.strip()));
        } catch (IllegalArgumentException notOne) {
            return Optional.empty();
        }
    }

    /** The saved rows with what was typed over them. */
    static Map<UUID, Typed> merged(Map<UUID, Typed> saved, Map<UUID, Typed> typed) {
        Map<UUID, Typed> merged = new LinkedHashMap<>(saved);
        merged.putAll(typed);
        return merged;
    }

    /**
     * Each row where what this person typed differs from what is saved now, by the row's title, both in words: the
     * choice's text ({@code prefix + name}) and the note.
     */
    static <E extends Enum<E>> EditConflict conflict(
            Map<UUID, String> titles,
            Map<UUID, Typed> saved,
            Map<UUID, Typed> typed,
            Class<E> type,
            String prefix,
            MessageSource messages,
            Locale locale) {
        Function<Typed, String> words = row -> {
            String choice = choice(type, row.choice())
                    .map(value -> messages.getMessage(prefix + value.name(), null, locale))
                    .orElse("");
            String note = row.note() == null ? "" : row.note().strip();
            return note.isEmpty() ? choice : choice + " – " + note;
        };
        List<EditConflict.Difference> differences = new ArrayList<>();
        titles.forEach((row, title) -> {
            Typed yours = typed.get(row);
            if (yours != null) {
                String mine = words.apply(yours);
                String theirs = words.apply(saved.get(row));
                if (!mine.equals(theirs)) {
                    differences.add(new EditConflict.Difference(title, mine, theirs));
                }
            }
        });
        return EditConflict.inWords(differences);
    }
}
