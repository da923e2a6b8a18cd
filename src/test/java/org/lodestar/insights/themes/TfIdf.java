package org.lodestar.insights.themes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plain baseline's vectors: TF-IDF over the {@value #TERMS} words (three letters or more) found in most texts,
 * smooth idf {@code ln((1 + n) / (1 + df)) + 1} and each vector scaled to length 1, as scikit-learn's
 * {@code TfidfVectorizer(max_features=1000)} makes them. Given to {@link ThemeDiscovery} in place of the sentence
 * model, so the baseline differs from the themes in the vectors alone (same distinct texts, same k-means, same k).
 */
public final class TfIdf {

    static final int TERMS = 1_000;

    private TfIdf() {}

    public static List<float[]> vectors(List<String> texts) {
        List<List<String>> words = texts.stream().map(TfIdf::words).toList();
        Map<String, Integer> documents = new HashMap<>();
        for (List<String> text : words) {
            for (String word : new HashSet<>(text)) {
                documents.merge(word, 1, Integer::sum);
            }
        }
        List<String> vocabulary = documents.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TERMS)
                .map(Map.Entry::getKey)
                .toList();
        Map<String, Integer> column = new HashMap<>();
        for (String word : vocabulary) {
            column.put(word, column.size());
        }
        int n = texts.size();
        List<float[]> vectors = new ArrayList<>();
        for (List<String> text : words) {
            float[] vector = new float[vocabulary.size()];
            for (String word : text) {
                Integer c = column.get(word);
                if (c != null) {
                    vector[c] += (float) (Math.log((1.0 + n) / (1.0 + documents.get(word))) + 1);
                }
            }
            double norm = 0;
            for (float v : vector) {
                norm += v * v;
            }
            if (norm > 0) {
                for (int d = 0; d < vector.length; d++) {
                    vector[d] /= (float) Math.sqrt(norm);
                }
            }
            vectors.add(vector);
        }
        return vectors;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 3) {
                words.add(word);
            }
        }
        return words;
    }
}
