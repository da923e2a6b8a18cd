package org.lodestar.insights.similarity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.lodestar.insights.SimilarPair;
import org.lodestar.insights.Text;

/**
 * Finds the texts of a list that say the same thing, in two steps. Candidates: pairs whose whole texts' vectors are at
 * least {@link #CANDIDATE} alike (cosine), each text keeping its {@link #NEIGHBOURS} closest. Up to
 * {@link #exactUpTo} texts every pair is compared; above, the texts are first grouped around {@code sqrt(n)} centres
 * (k-means on the unit vectors) and each is compared only with the texts of its {@link #PROBES} nearest groups: with
 * even groups 3/sqrt(n) of the others, about a twentieth of the 4.5 million pairs of 3,000 actions (the benchmark
 * prints how many pairs this misses against the exact scan). Then each candidate is weighed: its similarity is the mean of the whole texts'
 * cosine and the cosine of the words each has that the other lacks ({@link Wording}), so that two actions written
 * alike about different things fall apart.
 */
public final class SimilarityScan {

    /** Whole-text cosine below which two texts are not taken as one: the least alike labelled duplicate has 0.40. */
    public static final double CANDIDATE = 0.38;

    /** The closest candidates of each text that are weighed. */
    static final int NEIGHBOURS = 6;

    /** The nearest groups a text is compared within, above {@link #exactUpTo} texts. */
    static final int PROBES = 3;

    private static final int ROUNDS = 6;
    private static final int EXACT_UP_TO = 1_000;

    private final Function<List<String>, List<float[]>> embed;
    private final int exactUpTo;

    /** @param embed the unit vectors of texts, in their order */
    public SimilarityScan(Function<List<String>, List<float[]>> embed) {
        this(embed, EXACT_UP_TO);
    }

    /** A scan that compares every pair up to {@code exactUpTo} texts (the benchmark sets it to compare both ways). */
    public SimilarityScan(Function<List<String>, List<float[]>> embed, int exactUpTo) {
        this.embed = embed;
        this.exactUpTo = exactUpTo;
    }

    /**
     * The pairs at least {@code threshold} alike, most alike first. Texts that read the same (after {@link
     * Wording#normalized}) are one text to the scan, so that many copies of one text neither cost work nor crowd out
     * other candidates; each of their pairs has similarity 1.
     */
    public List<SimilarPair> pairs(List<Text> items, double threshold) {
        if (items.size() < 2) {
            return List.of();
        }
        Map<String, List<Text>> byText = new LinkedHashMap<>();
        for (Text item : items) {
            byText.computeIfAbsent(Wording.normalized(item.text()), text -> new ArrayList<>())
                    .add(item);
        }
        List<String> texts = new ArrayList<>(byText.keySet());
        List<SimilarPair> pairs = new ArrayList<>();
        for (List<Text> same : byText.values()) {
            for (int i = 0; i < same.size(); i++) {
                for (int j = i + 1; j < same.size(); j++) {
                    pairs.add(new SimilarPair(same.get(i).id(), same.get(j).id(), 1.0));
                }
            }
        }
        if (texts.size() >= 2) {
            for (Candidate c : alike(texts, threshold)) {
                for (Text first : byText.get(texts.get(c.first()))) {
                    for (Text second : byText.get(texts.get(c.second()))) {
                        pairs.add(new SimilarPair(first.id(), second.id(), c.cosine()));
                    }
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(SimilarPair::similarity)
                .reversed()
                .thenComparing(pair -> pair.first().toString())
                .thenComparing(pair -> pair.second().toString()));
        return pairs;
    }

    /** The pairs of distinct texts at least {@code threshold} alike, each with its similarity (as cosine). */
    private List<Candidate> alike(List<String> texts, double threshold) {
        float[][] vectors = embed.apply(texts).toArray(float[][]::new);
        Set<Candidate> candidates = texts.size() <= exactUpTo ? exact(vectors) : grouped(vectors);

        Map<Candidate, String[]> lacking = new HashMap<>();
        Set<String> parts = new LinkedHashSet<>();
        for (Candidate c : candidates) {
            String first = Wording.lacking(texts.get(c.first()), texts.get(c.second()));
            String second = Wording.lacking(texts.get(c.second()), texts.get(c.first()));
            if (!first.isEmpty() && !second.isEmpty()) {
                lacking.put(c, new String[] {first, second});
                parts.add(first);
                parts.add(second);
            }
        }
        Map<String, float[]> partVectors = new HashMap<>();
        List<String> partList = new ArrayList<>(parts);
        if (!partList.isEmpty()) {
            List<float[]> embedded = embed.apply(partList);
            for (int i = 0; i < partList.size(); i++) {
                partVectors.put(partList.get(i), embedded.get(i));
            }
        }

        List<Candidate> alike = new ArrayList<>();
        for (Candidate c : candidates) {
            String[] differ = lacking.get(c);
            // one says all the other says (or they differ in filler only): their difference is no other meaning
            double differing = differ == null ? 1 : dot(partVectors.get(differ[0]), partVectors.get(differ[1]));
            double similarity = Math.min(1, (c.cosine() + differing) / 2);
            if (similarity >= threshold) {
                alike.add(new Candidate(c.first(), c.second(), Math.round(similarity * 1000) / 1000.0));
            }
        }
        return alike;
    }

    private static Set<Candidate> exact(float[][] vectors) {
        Closest closest = new Closest(vectors.length);
        for (int i = 0; i < vectors.length; i++) {
            for (int j = i + 1; j < vectors.length; j++) {
                closest.offer(i, j, dot(vectors[i], vectors[j]));
            }
        }
        return closest.pairs();
    }

    private static Set<Candidate> grouped(float[][] vectors) {
        int n = vectors.length;
        int k = (int) Math.round(Math.sqrt(n));
        float[][] centres = centres(vectors, k);
        int[][] nearest = new int[n][];
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            nearest[i] = nearestCentres(vectors[i], centres, PROBES);
            members.get(nearest[i][0]).add(i);
        }
        Closest closest = new Closest(n);
        for (int i = 0; i < n; i++) {
            for (int group : nearest[i]) {
                for (int j : members.get(group)) {
                    // each pair once: from the text with the lower index, or from the other when only it probes here
                    if (j != i && (j > i || !probes(nearest[j], nearest[i][0]))) {
                        closest.offer(Math.min(i, j), Math.max(i, j), dot(vectors[i], vectors[j]));
                    }
                }
            }
        }
        return closest.pairs();
    }

    /** Whether a text probing {@code groups} meets the texts of {@code group} (then it offered their pairs already). */
    private static boolean probes(int[] groups, int group) {
        for (int probed : groups) {
            if (probed == group) {
                return true;
            }
        }
        return false;
    }

    /** k-means on the unit sphere: centres start at texts picked by a fixed seed, then move to their members' mean. */
    private static float[][] centres(float[][] vectors, int k) {
        int n = vectors.length;
        int dims = vectors[0].length;
        Random random = new Random(42);
        float[][] centres = new float[k][];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, random);
        for (int c = 0; c < k; c++) {
            centres[c] = vectors[order.get(c)].clone();
        }
        for (int round = 0; round < ROUNDS; round++) {
            float[][] sums = new float[k][dims];
            for (float[] vector : vectors) {
                float[] sum = sums[nearestCentres(vector, centres, 1)[0]];
                for (int d = 0; d < dims; d++) {
                    sum[d] += vector[d];
                }
            }
            for (int c = 0; c < k; c++) {
                float[] unit = SentenceModel.unit(sums[c]);
                if (unit != sums[c]) { // a group left empty keeps its centre
                    centres[c] = unit;
                }
            }
        }
        return centres;
    }

    private static int[] nearestCentres(float[] vector, float[][] centres, int count) {
        PriorityQueue<double[]> best = new PriorityQueue<>(Comparator.comparingDouble(entry -> entry[1]));
        for (int c = 0; c < centres.length; c++) {
            best.add(new double[] {c, dot(vector, centres[c])});
            if (best.size() > count) {
                best.poll();
            }
        }
        int[] nearest = new int[best.size()];
        for (int i = nearest.length - 1; i >= 0; i--) {
            nearest[i] = (int) best.poll()[0];
        }
        return nearest;
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** A pair of texts by index, first below second, with their whole texts' cosine. */
    private record Candidate(int first, int second, double cosine) {}

    /** Each text's closest candidates, at most {@link #NEIGHBOURS}. */
    private static final class Closest {

        private final List<PriorityQueue<Candidate>> closest = new ArrayList<>();

        Closest(int n) {
            for (int i = 0; i < n; i++) {
                closest.add(new PriorityQueue<>(Comparator.comparingDouble(Candidate::cosine)));
            }
        }

        void offer(int first, int second, double cosine) {
            if (cosine < CANDIDATE) {
                return;
            }
            Candidate candidate = new Candidate(first, second, cosine);
            keep(closest.get(first), candidate);
            keep(closest.get(second), candidate);
        }

        private static void keep(PriorityQueue<Candidate> queue, Candidate candidate) {
            queue.add(candidate);
            if (queue.size() > NEIGHBOURS) {
                queue.poll();
            }
        }

        Set<Candidate> pairs() {
            Set<Candidate> pairs = new LinkedHashSet<>();
            closest.forEach(pairs::addAll);
            return pairs;
        }
    }
}
