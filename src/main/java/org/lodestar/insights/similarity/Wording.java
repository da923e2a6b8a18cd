package org.lodestar.insights.similarity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How two texts' words differ. Two actions written alike but about different things ("add a full-time nurse at each
 * elementary school", "... librarian ...") are close as whole sentences; what tells them apart is whether the words
 * one has and the other lacks mean the same ("nurse", "librarian": no).
 */
public final class Wording {

    /** Words that say nothing of what an action is about, in English and Spanish. */
    private static final Set<String> FILLER = Set.of(
            "a", "an", "the", "and", "or", "of", "to", "for", "in", "on", "at", "by", "with", "every", "each", "all",
            "our", "their", "its", "is", "are", "be", "who", "that", "which", "from", "into", "through", "new", "el",
            "la", "los", "las", "un", "una", "y", "o", "de", "del", "para", "en", "con", "por", "cada", "todos",
            "todas", "que", "al");

    private Wording() {}

    /** The text as compared: trimmed, in lower case, with single spaces. */
    public static String normalized(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC)
                .strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ");
    }

    /** The words of {@code text} (filler left out) whose stem {@code other} lacks, in their order, joined by spaces. */
    public static String lacking(String text, String other) {
        Set<String> otherStems = new HashSet<>();
        for (String word : words(other)) {
            otherStems.add(stem(word));
        }
        List<String> lacking = new ArrayList<>();
        for (String word : words(text)) {
            if (!otherStems.contains(stem(word))) {
                lacking.add(word);
            }
        }
        return String.join(" ", lacking);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : normalized(text).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !FILLER.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    /** A plural and its singular are one word ("stipends", "stipend"); nothing more clever. */
    private static String stem(String word) {
        return word.length() > 4 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    }
}
