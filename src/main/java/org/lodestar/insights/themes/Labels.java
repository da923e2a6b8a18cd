package org.lodestar.insights.themes;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A theme's label: its three most distinctive words by class-based TF-IDF (c-TF-IDF, as BERTopic names its topics:
 * Grootendorst 2022, arXiv:2203.05794). All comments of a theme are one document; a word weighs
 * {@code tf(word, theme) / words(theme) * log(1 + mean words per theme / tf(word, all themes))}, so a word frequent in
 * the theme and rare elsewhere comes first. Chosen over the key words of the theme's most central comment, which name
 * one comment rather than the theme and change with any comment moved in or out. Filler words of English and Spanish
 * and words under three letters are left out; words are shown in lower case.
 */
public final class Labels {

    static final int WORDS = 3;

    private static final Set<String> FILLER = Set.of(
            // English
            "the",
            "and",
            "for",
            "are",
            "was",
            "were",
            "been",
            "being",
            "has",
            "have",
            "had",
            "having",
            "not",
            "but",
            "with",
            "this",
            "that",
            "these",
            "those",
            "there",
            "their",
            "they",
            "them",
            "then",
            "than",
            "from",
            "you",
            "your",
            "our",
            "ours",
            "she",
            "her",
            "him",
            "his",
            "its",
            "who",
            "whom",
            "what",
            "which",
            "when",
            "where",
            "why",
            "how",
            "all",
            "any",
            "both",
            "each",
            "few",
            "more",
            "most",
            "other",
            "some",
            "such",
            "only",
            "own",
            "same",
            "too",
            "very",
            "can",
            "will",
            "just",
            "should",
            "would",
            "could",
            "also",
            "into",
            "about",
            "out",
            "over",
            "under",
            "again",
            "once",
            "here",
            "because",
            "while",
            "did",
            "does",
            "doing",
            "don",
            "didn",
            "doesn",
            "couldn",
            "wouldn",
            "shouldn",
            "wasn",
            "weren",
            "isn",
            "aren",
            "haven",
            "hasn",
            "hadn",
            "won",
            "off",
            "onto",
            "upon",
            "per",
            "via",
            "yes",
            "yet",
            "still",
            "even",
            "much",
            "many",
            "get",
            "got",
            "able",
            "really",
            "quite",
            "etc",
            "one",
            "may",
            "might",
            "must",
            "shall",
            "let",
            "lot",
            "lots",
            "way",
            "ever",
            "every",
            "myself",
            "yourself",
            "itself",
            "themselves",
            "ourselves",
            "after",
            "before",
            "during",
            "between",
            "through",
            "above",
            "below",
            "until",
            "whether",
            "though",
            "although",
            "well",
            "made",
            "make",
            // Spanish
            "los",
            "las",
            "del",
            "una",
            "uno",
            "unos",
            "unas",
            "para",
            "por",
            "con",
            "sin",
            "que",
            "como",
            "más",
            "pero",
            "sus",
            "este",
            "esta",
            "estos",
            "estas",
            "ese",
            "esa",
            "eso",
            "esto",
            "son",
            "ser",
            "fue",
            "muy",
            "hay",
            "también",
            "porque",
            "cuando",
            "donde",
            "sobre",
            "entre",
            "todo",
            "todos",
            "toda",
            "todas",
            "nos",
            "les",
            "ellos",
            "ellas",
            "nuestro",
            "nuestra",
            "nuestros",
            "nuestras",
            "está",
            "están",
            "han",
            "hacer",
            "sea",
            "mis",
            "tus",
            "cada",
            "otro",
            "otra",
            "otros",
            "otras",
            "mucho",
            "mucha",
            "muchos",
            "muchas");

    private Labels() {}

    /** The label of each group of texts; {@code texts.get(g)} holds every comment of group g, repeats included. */
    public static List<String> of(List<List<String>> texts) {
        List<Map<String, Integer>> counts = new ArrayList<>();
        Map<String, Integer> overall = new HashMap<>();
        long totalWords = 0;
        for (List<String> group : texts) {
            Map<String, Integer> count = new HashMap<>();
            for (String text : group) {
                for (String written : words(text)) {
                    String word = written.toLowerCase(Locale.ROOT);
                    if (word.length() < 3
                            || FILLER.contains(word)
                            || word.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    count.merge(word, 1, Integer::sum);
                    overall.merge(word, 1, Integer::sum);
                    totalWords++;
                }
            }
            counts.add(count);
        }
        double meanWords = texts.isEmpty() ? 0 : (double) totalWords / texts.size();
        List<String> labels = new ArrayList<>();
        for (Map<String, Integer> count : counts) {
            double words = count.values().stream().mapToInt(Integer::intValue).sum();
            Map<String, Double> weight = new HashMap<>();
            count.forEach((word, n) -> weight.put(word, n / words * Math.log(1 + meanWords / overall.get(word))));
            List<String> top = weight.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(WORDS)
                    .map(Map.Entry::getKey)
                    .toList();
            labels.add(top.isEmpty() ? "(no words)" : String.join(", ", top));
        }
        return labels;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : Normalizer.normalize(text, Normalizer.Form.NFC).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
