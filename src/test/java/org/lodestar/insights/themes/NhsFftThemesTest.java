package org.lodestar.insights.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The themes against the staff's own coding of real comments (NHS Friends and Family Test, {@link NhsFft}), beside a
 * plain baseline: TF-IDF vectors grouped by k-means (same distinct texts, same k = the 9 labels) against the sentence
 * vectors grouped over their neighbour graph. A fixed subsample, every third comment of the file (3,445), keeps the test's time
 * down; {@code ThemesBenchmark} runs all 10,334. README reports the figures.
 */
class NhsFftThemesTest {

    @Test
    void themesAgreeWithTheStaffsCodingBetterThanTfIdfKMeansOnEveryFigure() throws Exception {
        List<NhsFft.Coded> all = NhsFft.all();
        assertThat(all).hasSize(10_334);
        List<NhsFft.Coded> sample = IntStream.range(0, all.size())
                .filter(i -> i % 3 == 0)
                .mapToObj(all::get)
                .toList();
        List<Comment> comments = sample.stream().map(NhsFft.Coded::comment).toList();
        List<String> labels = sample.stream().map(NhsFft.Coded::label).toList();
        int k = (int) labels.stream().distinct().count();
        assertThat(k).isEqualTo(9);

        Themes themes = new ThemeDiscovery().discover(comments, k);
        Themes baseline = ThemeDiscovery.kMeansBaseline(TfIdf::vectors).discover(comments, k);
        Agreement ours = Agreement.of(
                labels, comments.stream().map(c -> themes.themeOf().get(c.id())).toList());
        Agreement plain = Agreement.of(
                labels,
                comments.stream().map(c -> baseline.themeOf().get(c.id())).toList());
        System.out.printf(
                Locale.ROOT,
                "NHS FFT, %,d comments, %d themes | adjusted Rand | majority share | matched share%n"
                        + "sentence model + spectral clustering | %.3f | %.3f | %.3f%n"
                        + "TF-IDF + k-means (baseline) | %.3f | %.3f | %.3f%n",
                comments.size(),
                k,
                ours.adjustedRand(),
                ours.majorityShare(),
                ours.matchedShare(),
                plain.adjustedRand(),
                plain.majorityShare(),
                plain.matchedShare());

        assertThat(ours.adjustedRand()).isGreaterThan(plain.adjustedRand());
        assertThat(ours.majorityShare()).isGreaterThan(plain.majorityShare());
        assertThat(ours.matchedShare()).isGreaterThan(plain.matchedShare());
        // the labels' own largest themes: "nothing" for "Couldn't be improved", staff for "Staff"
        assertThat(themes.themes())
                .extracting(Theme::label)
                .anySatisfy(label -> assertThat(label).startsWith("nothing"))
                .anySatisfy(label -> assertThat(label).startsWith("staff"));
    }
}
