package org.lodestar.insights.themes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.lodestar.insights.similarity.SentenceModel;

/**
 * Groups open comments into themes by meaning: each distinct text is embedded by the in-process sentence model
 * (all-MiniLM-L6-v2, both cores), the distinct texts are clustered over the graph of their nearest neighbours
 * ({@link SpectralClustering}; from {@value SpectralClustering#FEWEST_POINTS} distinct texts, below which Hipparchus'
 * k-means++ groups the vectors themselves; fixed seeds, so the same comments give the same themes), and every comment
 * takes its text's theme.
 *
 * <p>Texts that differ only in case, spaces and punctuation ("Nothing.", "nothing", "Nothing!") are one point, so that
 * the 1,500 "Nothing."s of a survey do not pull the centres towards them; they still count in a theme's size, label
 * and audience shares.
 *
 * <p>Without a number of themes, it tries each k from {@value #FEWEST} to {@value #MOST} on a fixed sample of at most
 * {@value #SAMPLE} distinct texts and keeps the k whose k-means clusters have the highest mean silhouette (the
 * smaller k on a tie); with fewer distinct texts, from 2 up to one less than their number.
 */
public final class ThemeDiscovery {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ThemeDiscovery.class);

    public static final int FEWEST = 4;
    public static final int MOST = 15;
    static final int SAMPLE = 1_500;

    /** How the vectors of the distinct texts are put into k clusters. */
    private interface Grouping {
        Clustering.Result group(double[][] vectors, int k);
    }

    private final Function<List<String>, List<float[]>> embedder;
    private final Grouping grouping;

    /** With the in-process sentence model. */
    public ThemeDiscovery() {
        this(new SentenceModel()::embed);
    }

    /** With another way to turn texts into vectors of length 1 (a test's own vectors, for one). */
    public ThemeDiscovery(Function<List<String>, List<float[]>> embedder) {
        this(embedder, ThemeDiscovery::spectralWhereItSuits);
    }

    private ThemeDiscovery(Function<List<String>, List<float[]>> embedder, Grouping grouping) {
        this.embedder = embedder;
        this.grouping = grouping;
    }

    /**
     * The plain baseline the themes are measured against (README, "How good the themes are"): k-means++ on the given
     * vectors themselves, one run, whatever their number.
     */
    public static ThemeDiscovery kMeansBaseline(Function<List<String>, List<float[]>> embedder) {
        return new ThemeDiscovery(embedder, Clustering::kMeans);
    }

    private static Clustering.Result spectralWhereItSuits(double[][] vectors, int k) {
        if (!SpectralClustering.suits(vectors.length, k)) {
            return Clustering.kMeans(vectors, k);
        }
        try {
            return SpectralClustering.cluster(vectors, k);
        } catch (IllegalStateException unsolved) {
            // seeded, so finding the themes again would fail the same way: k-means still gives themes
            LOG.warn(
                    "spectral clustering of {} texts into {} themes failed, k-means instead: {}",
                    vectors.length,
                    k,
                    unsolved.getMessage());
            return Clustering.kMeans(vectors, k);
        }
    }

    /** The themes, their number chosen by silhouette. */
    public Themes discover(List<Comment> comments) {
        return discover(comments, 0);
    }

    /**
     * The themes, {@code themes} of them (0: chosen by silhouette).
     *
     * @throws IllegalArgumentException when there is no comment, a text is blank, two comments have one id, or more
     *     themes are asked for than there are distinct texts
     */
    public Themes discover(List<Comment> comments, int themes) {
        return discover(comments, themes, 0);
    }

    /**
     * The themes, their number chosen by silhouette among at most one theme per {@code perTheme} comments (and at
     * least 2): so that themes hold, on average, as many comments as a group must to be shown apart.
     *
     * @throws IllegalArgumentException as {@link #discover(List, int)}, or when {@code perTheme} is not positive
     */
    public Themes discoverWithAbout(List<Comment> comments, int perTheme) {
        if (perTheme < 1) {
            throw new IllegalArgumentException("comments per theme must be positive: " + perTheme);
        }
        return discover(comments, 0, perTheme);
    }

    private Themes discover(List<Comment> comments, int themes, int perTheme) {
        if (comments.isEmpty()) {
            throw new IllegalArgumentException("no comment to group");
        }
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < comments.size(); i++) {
            if (!ids.add(comments.get(i).id())) {
                throw new IllegalArgumentException(
                        "comment id " + comments.get(i).id() + " appears twice");
            }
            String text = comments.get(i).text();
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("comment " + comments.get(i).id() + " has no text");
            }
            byKey.computeIfAbsent(key(text), k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> distinct = new ArrayList<>(byKey.values());
        if (themes > distinct.size()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "%d themes asked for, but there are only %d distinct texts", themes, distinct.size()));
        }
        List<String> texts = distinct.stream()
                .map(indexes -> comments.get(indexes.get(0)).text().strip())
                .toList();
        double[][] vectors = vectors(texts);

        Choice choice = themes > 0
                ? new Choice(themes, true, Double.NaN, themes, themes, 0, 0)
                : choose(vectors, perTheme == 0 ? MOST : Math.max(2, comments.size() / perTheme), perTheme);
        Clustering.Result clusters = choice.themes() == 1
                ? new Clustering.Result(new int[vectors.length], new double[][] {centre(vectors)})
                : grouping.group(vectors, choice.themes());
        return themes(comments, distinct, vectors, clusters, choice);
    }

    private double[][] vectors(List<String> texts) {
        List<float[]> embedded = embedder.apply(texts);
        double[][] vectors = new double[embedded.size()][];
        for (int i = 0; i < vectors.length; i++) {
            float[] vector = embedded.get(i);
            vectors[i] = new double[vector.length];
            for (int d = 0; d < vector.length; d++) {
                vectors[i][d] = vector[d];
            }
        }
        return vectors;
    }

    /** The number of themes of highest mean silhouette on a fixed sample of the distinct texts. */
    static Choice choose(double[][] vectors) {
        return choose(vectors, MOST, 0);
    }

    /**
     * The same among at most {@code mostThemes} themes; {@code perTheme} is told in the choice when that bound decided
     * (see {@link Choice}).
     */
    private static Choice choose(double[][] vectors, int mostThemes, int perTheme) {
        int unbound = Math.min(MOST, vectors.length - 1);
        int most = Math.min(unbound, mostThemes);
        int bound = most < unbound ? perTheme : 0;
        if (most < 2) {
            return new Choice(1, false, Double.NaN, 1, 1, vectors.length, bound);
        }
        int fewest = Math.min(FEWEST, most);
        double[][] sample = sample(vectors);
        double[][] distances = Clustering.distances(sample);
        // each k's k-means starts from its own seeded generator, so the cores may share the k's in any order
        double[] scores = IntStream.rangeClosed(fewest, Math.min(most, sample.length - 1))
                .parallel()
                .mapToDouble(k -> Clustering.silhouette(
                        distances, Clustering.kMeans(sample, k).clusterOf(), k))
                .toArray();
        int best = fewest;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > bestScore) {
                best = fewest + i;
                bestScore = scores[i];
            }
        }
        return new Choice(best, false, bestScore, fewest, most, sample.length, bound);
    }

    private static double[][] sample(double[][] vectors) {
        if (vectors.length <= SAMPLE) {
            return vectors;
        }
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < vectors.length; i++) {
            indexes.add(i);
        }
        Collections.shuffle(indexes, new Random(Clustering.SEED));
        double[][] sample = new double[SAMPLE][];
        for (int i = 0; i < SAMPLE; i++) {
            sample[i] = vectors[indexes.get(i)];
        }
        return sample;
    }

    private static Themes themes(
            List<Comment> comments,
            List<List<Integer>> distinct,
            double[][] vectors,
            Clustering.Result clusters,
            Choice choice) {
        int k = clusters.centres().length;
        List<List<Integer>> members = new ArrayList<>(); // distinct texts of each cluster
        List<List<String>> texts = new ArrayList<>(); // every comment's text of each cluster
        for (int c = 0; c < k; c++) {
            members.add(new ArrayList<>());
            texts.add(new ArrayList<>());
        }
        for (int t = 0; t < distinct.size(); t++) {
            int c = clusters.clusterOf()[t];
            members.get(c).add(t);
            for (int i : distinct.get(t)) {
                texts.get(c).add(comments.get(i).text());
            }
        }
        List<String> labels = Labels.of(texts);

        record Draft(int cluster, String label, int size, List<Comment> representatives, Map<String, Double> shares) {}
        List<Draft> drafts = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (members.get(c).isEmpty()) {
                continue;
            }
            double[] centre = clusters.centres()[c];
            List<Comment> representatives = members.get(c).stream()
                    .sorted(Comparator.comparingDouble((Integer t) -> -cosine(vectors[t], centre))
                            .thenComparing(t -> t))
                    .limit(3)
                    .map(t -> comments.get(distinct.get(t).get(0)))
                    .toList();
            Map<String, Integer> audiences = new TreeMap<>();
            for (int t : members.get(c)) {
                for (int i : distinct.get(t)) {
                    String audience = comments.get(i).audience();
                    if (audience != null && !audience.isBlank()) {
                        audiences.merge(audience.strip(), 1, Integer::sum);
                    }
                }
            }
            double named =
                    audiences.values().stream().mapToInt(Integer::intValue).sum();
            Map<String, Double> shares = new LinkedHashMap<>();
            audiences.forEach((audience, n) -> shares.put(audience, n / named));
            drafts.add(new Draft(c, labels.get(c), texts.get(c).size(), representatives, shares));
        }
        drafts.sort(Comparator.comparingInt(Draft::size).reversed().thenComparing(Draft::label));

        int[] numberOf = new int[k];
        List<Theme> themes = new ArrayList<>();
        for (Draft draft : drafts) {
            int number = themes.size() + 1;
            numberOf[draft.cluster()] = number;
            themes.add(new Theme(
                    number, draft.label(), draft.size(), draft.representatives(), Map.copyOf(draft.shares())));
        }
        int[] themeOfComment = new int[comments.size()];
        for (int t = 0; t < distinct.size(); t++) {
            for (int i : distinct.get(t)) {
                themeOfComment[i] = numberOf[clusters.clusterOf()[t]];
            }
        }
        Map<String, Integer> themeOf = new LinkedHashMap<>();
        for (int i = 0; i < comments.size(); i++) {
            themeOf.put(comments.get(i).id(), themeOfComment[i]);
        }
        return new Themes(List.copyOf(themes), Collections.unmodifiableMap(themeOf), choice);
    }

    /** Texts that differ only in case, spaces and punctuation are one. */
    static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static double[] centre(double[][] vectors) {
        double[] centre = new double[vectors[0].length];
        for (double[] vector : vectors) {
            for (int d = 0; d < centre.length; d++) {
                centre[d] += vector[d] / vectors.length;
            }
        }
        return centre;
    }

    private static double cosine(double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int d = 0; d < a.length; d++) {
            dot += a[d] * b[d];
            na += a[d] * a[d];
            nb += b[d] * b[d];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
