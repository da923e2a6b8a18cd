package org.lodestar.insights;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.insights.similarity.SentenceModel;
import org.lodestar.insights.similarity.SimilarityScan;
import org.lodestar.insights.themes.Comment;
import org.lodestar.insights.themes.ThemeDiscovery;
import org.lodestar.insights.themes.Themes;
import org.lodestar.shared.BoundedCache;
import org.springframework.stereotype.Service;

/**
 * What the insights module offers other modules: which of a list of texts say the same thing. Texts are embedded by
 * the in-process all-MiniLM-L6-v2 model (loaded on first use), each distinct text once: its vector is kept in memory by
 * a hash of the text, so that a second scan of a year's plans embeds only what changed.
 */
@Service
public class InsightsApi {

    /**
     * The similarity from which two actions are taken as one, chosen on the labelled pairs of real plans in
     * {@code src/test/resources/insights/action-pairs.csv} (README gives precision and recall).
     */
    public static final double SAME_MEANING = 0.43;

    /**
     * Vectors kept: 384 floats each, about 1.6 kB with the key, so at most about 65 MB; enough for every action and
     * reworded part of a large district's plans of a year. Memory rather than a table: a vector is derived from the text
     * alone, is remade in milliseconds, and stays valid only for this model, so nothing is worth a migration.
     */
    private static final int KEPT = 40_000;

    private final SentenceModel model = new SentenceModel();
    private final BoundedCache<String, float[]> vectors = new BoundedCache<>(KEPT);
    private final SimilarityScan scan = new SimilarityScan(this::embed);

    /**
     * The pairs of the given texts whose meaning is at least {@code threshold} alike, most alike first. A large list is
     * not compared pair by pair: see {@link SimilarityScan}.
     */
    public List<SimilarPair> similarPairs(List<Text> items, double threshold) {
        return scan.pairs(items, threshold);
    }

    /** A comment to group into themes: its id, its text and who wrote it (an audience's name, or null). */
    public record ThemeComment(UUID id, String text, String audience) {}

    /**
     * Themes found in comments, largest first (numbered from 1), the theme number of each comment, and how their number
     * was chosen, in words.
     */
    public record FoundThemes(List<FoundTheme> themes, Map<UUID, Integer> themeOf, String choice) {}

    /** One theme found: its number, its label (its three most distinctive words) and its size. */
    public record FoundTheme(int number, String label, int size) {}

    /**
     * Groups comments into themes by meaning ({@link ThemeDiscovery}: sentence embeddings, spectral clustering over the
     * neighbour graph with the number of themes chosen by silhouette, at most one theme per {@code perTheme} comments,
     * c-TF-IDF labels); the same comments give the same themes. Vectors are kept as for {@link #similarPairs}, so
     * grouping a set again embeds only its new comments.
     *
     * @throws IllegalArgumentException when there is no comment or a text is blank
     */
    public FoundThemes findThemes(List<ThemeComment> comments, int perTheme) {
        Themes found = new ThemeDiscovery(this::embed)
                .discoverWithAbout(
                        comments.stream()
                                .map(c -> new Comment(c.id().toString(), c.text(), null, c.audience()))
                                .toList(),
                        perTheme);
        Map<UUID, Integer> themeOf = new LinkedHashMap<>();
        found.themeOf().forEach((id, number) -> themeOf.put(UUID.fromString(id), number));
        return new FoundThemes(
                found.themes().stream()
                        .map(t -> new FoundTheme(t.number(), t.label(), t.size()))
                        .toList(),
                themeOf,
                found.choice().describe());
    }

    /**
     * The labels of groups of texts as {@link #findThemes} names its themes (c-TF-IDF over the groups given), without
     * grouping anything: for labelling themes again from the comments they show (a hidden comment left out).
     */
    public List<String> themeLabels(List<List<String>> groups) {
        return org.lodestar.insights.themes.Labels.of(groups);
    }

    /** The unit vectors of the texts' meanings (384 numbers each), in the order given; kept ones are not remade. */
    public List<float[]> meanings(List<String> texts) {
        return embed(texts).stream().map(float[]::clone).toList();
    }

    /** The unit vectors of the texts, embedding together those not kept yet. */
    private List<float[]> embed(List<String> texts) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String text : texts) {
            keys.put(text, key(text));
        }
        Map<String, float[]> made = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> entry : keys.entrySet()) {
            float[] kept = vectors.getIfPresent(entry.getValue());
            if (kept == null) {
                missing.add(entry.getKey());
            } else {
                made.put(entry.getKey(), kept);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> embedded = model.embed(missing);
            for (int i = 0; i < missing.size(); i++) {
                float[] vector = embedded.get(i);
                made.put(missing.get(i), vectors.get(keys.get(missing.get(i)), () -> vector));
            }
        }
        return texts.stream().map(made::get).toList();
    }

    private static String key(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
