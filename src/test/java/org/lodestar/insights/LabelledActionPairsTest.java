package org.lodestar.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The duplicate finder on pairs of actions written from real published district and school plans (same meaning in
 * other words; alike in words, other meaning): precision and recall at {@link InsightsApi#SAME_MEANING}, printed beside
 * a plain baseline (word-overlap Jaccard at its best threshold on the same pairs), as README reports them.
 */
class LabelledActionPairsTest {

    private final InsightsApi insights = new InsightsApi();

    record Labelled(String first, String second, boolean same, String source) {}

    @Test
    void findsDuplicateActionsWithPrecisionAndRecallOfAtLeastFourFifths() throws IOException {
        List<Labelled> pairs = pairs();
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(60);
        assertThat(pairs).filteredOn(Labelled::same).hasSizeGreaterThanOrEqualTo(30);
        assertThat(pairs).filteredOn(pair -> !pair.same()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(pairs).allSatisfy(pair -> assertThat(pair.source()).isNotBlank());

        List<Boolean> found = new ArrayList<>();
        for (Labelled pair : pairs) {
            List<SimilarPair> similar = insights.similarPairs(
                    List.of(new Text(UUID.randomUUID(), pair.first()), new Text(UUID.randomUUID(), pair.second())),
                    InsightsApi.SAME_MEANING);
            found.add(!similar.isEmpty());
        }
        Score model = Score.of(pairs, found);

        Score baseline = null;
        double baselineThreshold = 0;
        for (int step = 1; step < 100; step++) {
            double threshold = step / 100.0;
            List<Boolean> overlapping = pairs.stream()
                    .map(pair -> jaccard(pair.first(), pair.second()) >= threshold)
                    .toList();
            Score score = Score.of(pairs, overlapping);
            if (baseline == null || score.f1() > baseline.f1()) {
                baseline = score;
                baselineThreshold = threshold;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "duplicate actions, %d labelled pairs: model at %.2f precision %.3f recall %.3f F1 %.3f;"
                        + " word-overlap Jaccard at its best threshold %.2f precision %.3f recall %.3f F1 %.3f%n",
                pairs.size(),
                InsightsApi.SAME_MEANING,
                model.precision(),
                model.recall(),
                model.f1(),
                baselineThreshold,
                baseline.precision(),
                baseline.recall(),
                baseline.f1());
        assertThat(model.precision()).isGreaterThanOrEqualTo(0.8);
        assertThat(model.recall()).isGreaterThanOrEqualTo(0.8);
        assertThat(model.f1()).isGreaterThan(baseline.f1());
    }

    @Test
    void sameWordsAreOneActionAndUnrelatedActionsAreNot() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        List<SimilarPair> pairs = insights.similarPairs(
                List.of(
                        new Text(a, "Hire a reading interventionist"),
                        new Text(b, "  hire a READING interventionist "),
                        new Text(c, "Install secure vestibules at school entrances")),
                InsightsApi.SAME_MEANING);
        assertThat(pairs).containsExactly(new SimilarPair(a, b, 1.0));
        assertThat(insights.similarPairs(List.of(new Text(a, "Hire a reading interventionist")), 0.1))
                .isEmpty();
    }

    /** The demo district's duplicate (district plan and Cedar's plan), and a near miss of the liaisons. */
    @Test
    void theDemoDistrictsDuplicateIsFoundAndItsNearMissIsNot() {
        Text liaisons =
                new Text(UUID.randomUUID(), "Hire bilingual family liaisons to reach Spanish-speaking families");
        Text outreach = new Text(UUID.randomUUID(), "Add a Spanish-speaking parent outreach coordinator at the school");
        Text paraprofessionals =
                new Text(UUID.randomUUID(), "Hire bilingual paraprofessionals for newcomer classrooms");
        List<SimilarPair> demo = insights.similarPairs(List.of(liaisons, outreach), InsightsApi.SAME_MEANING);
        System.out.println("demo pair: " + demo);
        assertThat(demo).hasSize(1);
        assertThat(demo.get(0).similarity()).isBetween(InsightsApi.SAME_MEANING, 0.6);
        assertThat(insights.similarPairs(List.of(liaisons, paraprofessionals), InsightsApi.SAME_MEANING))
                .isEmpty();
    }

    record Score(int truePositives, int falsePositives, int falseNegatives) {

        static Score of(List<Labelled> pairs, List<Boolean> found) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < pairs.size(); i++) {
                boolean same = pairs.get(i).same();
                if (found.get(i) && same) tp++;
                if (found.get(i) && !same) fp++;
                if (!found.get(i) && same) fn++;
            }
            return new Score(tp, fp, fn);
        }

        double precision() {
            return truePositives + falsePositives == 0 ? 0 : truePositives / (double) (truePositives + falsePositives);
        }

        double recall() {
            return truePositives / (double) (truePositives + falseNegatives);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    static double jaccard(String first, String second) {
        Set<String> a = words(first);
        Set<String> b = words(second);
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        Set<String> either = new HashSet<>(a);
        either.addAll(b);
        return either.isEmpty() ? 0 : both.size() / (double) either.size();
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    static List<Labelled> pairs() throws IOException {
        try (Reader reader = new InputStreamReader(
                LabelledActionPairsTest.class.getResourceAsStream("/insights/action-pairs.csv"),
                StandardCharsets.UTF_8)) {
            List<Labelled> pairs = new ArrayList<>();
            for (CSVRecord row : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
                assertThat(row.get("label")).isIn("same", "different");
                pairs.add(new Labelled(
                        row.get("action_a"),
                        row.get("action_b"),
                        row.get("label").equals("same"),
                        row.get("source")));
            }
            return pairs;
        }
    }
}
