package org.lodestar.insights.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The theme discovery's own rules, on vectors made from the words of the texts (so the test needs no model): each text
 * points along the axis of its topic word, tilted a little by its length.
 */
class ThemeDiscoveryTest {

    private static final List<String> TOPICS = List.of("bus", "lunch", "reading", "nothing");

    private final List<Integer> embedded = new ArrayList<>();

    private List<float[]> vectors(List<String> texts) {
        embedded.add(texts.size());
        List<float[]> vectors = new ArrayList<>();
        for (String text : texts) {
            float[] vector = new float[TOPICS.size() + 1];
            for (int t = 0; t < TOPICS.size(); t++) {
                if (text.toLowerCase(Locale.ROOT).contains(TOPICS.get(t))) {
                    vector[t] = 1;
                }
            }
            vector[TOPICS.size()] = text.length() / 400f;
            double norm = 0;
            for (float v : vector) {
                norm += v * v;
            }
            for (int d = 0; d < vector.length; d++) {
                vector[d] /= (float) Math.sqrt(norm);
            }
            vectors.add(vector);
        }
        return vectors;
    }

    private final ThemeDiscovery discovery = new ThemeDiscovery(this::vectors);

    private static List<Comment> comments() {
        List<Comment> comments = new ArrayList<>();
        AtomicInteger id = new AtomicInteger();
        for (int i = 0; i < 8; i++) {
            comments.add(new Comment("c" + id.incrementAndGet(), "The bus is late, day " + i, "survey", "parent"));
            comments.add(new Comment(
                    "c" + id.incrementAndGet(), "Lunch lunch food is cold " + "x".repeat(i), "survey", "student"));
            comments.add(new Comment(
                    "c" + id.incrementAndGet(),
                    "More reading help, week " + i,
                    "session",
                    i < 6 ? "teacher" : "parent"));
        }
        // forty comments saying nothing, written five ways: one point each way, forty comments in size
        List<String> nothing = List.of("Nothing.", "nothing", "NOTHING!", " Nothing ", "Nothing at all.");
        for (int i = 0; i < 40; i++) {
            comments.add(new Comment("c" + id.incrementAndGet(), nothing.get(i % 5), "survey", null));
        }
        return comments;
    }

    @Test
    void groupsByMeaningWithSizesLabelsRepresentativesAndAudiences() {
        Themes themes = discovery.discover(comments(), 4);
        assertThat(themes.themes()).hasSize(4);
        Theme largest = themes.theme(1);
        assertThat(largest.size()).isEqualTo(40);
        assertThat(largest.label()).startsWith("nothing");
        assertThat(largest.audienceShares()).isEmpty();
        assertThat(largest.representatives()).extracting(Comment::text).doesNotHaveDuplicates();

        Theme reading = themes.themes().stream()
                .filter(theme -> theme.label().contains("reading"))
                .findFirst()
                .orElseThrow();
        assertThat(reading.size()).isEqualTo(8);
        assertThat(reading.representatives())
                .hasSize(3)
                .allSatisfy(comment -> assertThat(comment.text()).contains("reading"));
        assertThat(reading.audienceShares().get("teacher")).isCloseTo(0.75, within(1e-9));
        assertThat(reading.audienceShares().get("parent")).isCloseTo(0.25, within(1e-9));
        Theme lunch = themes.themes().stream()
                .filter(theme -> theme.label().startsWith("lunch"))
                .findFirst()
                .orElseThrow();
        assertThat(lunch.label()).isEqualTo("lunch, cold, food"); // "cold" and "food" weigh the same: alphabetical

        assertThat(themes.themeOf()).hasSize(64);
        assertThat(themes.themeOf().get("c1")).isEqualTo(themes.themeOf().get("c4"));
        assertThat(themes.themeOf().get("c3")).isEqualTo(reading.number());
        assertThat(themes.choice().describe()).isEqualTo("4 themes as asked");
    }

    @Test
    void repeatedTextsAreEmbeddedAndClusteredOnce() {
        discovery.discover(comments(), 4);
        // 24 distinct topic comments, and "Nothing." written five ways, of which four read the same once case, spaces
        // and punctuation are set aside: 26 texts, in one call
        assertThat(embedded).containsExactly(26);
    }

    @Test
    void choosesTheNumberOfThemesBySilhouetteAndSaysHow() {
        Themes themes = discovery.discover(comments());
        assertThat(themes.choice().asked()).isFalse();
        assertThat(themes.choice().themes()).isBetween(4, 15);
        assertThat(themes.choice().describe())
                .startsWith("chose " + themes.themes().size() + " themes by silhouette ")
                .endsWith("over 4..15 (sample of 26 distinct texts)");
    }

    @Test
    void makesAtMostOneThemePerSoManyCommentsWhenAskedAndSaysSo() {
        // 64 comments: at most 6 themes of about 10, chosen by silhouette among 4..6
        Themes tens = discovery.discoverWithAbout(comments(), 10);
        assertThat(tens.themes().size()).isBetween(4, 6);
        assertThat(tens.choice().describe())
                .startsWith("chose " + tens.themes().size() + " themes by silhouette ")
                .endsWith("over 4..6 (sample of 26 distinct texts) (at most one theme per 10 comments, 2 at least)");
        // at most 3 of about 20: no choice left
        Themes twenties = discovery.discoverWithAbout(comments(), 20);
        assertThat(twenties.themes()).hasSize(3);
        assertThat(twenties.choice().describe())
                .isEqualTo("3 themes: too few comments to choose (at most one theme per 20 comments, 2 at least)");
        // a bound above what the distinct texts allow is not the reason, and is not told
        assertThat(discovery.discoverWithAbout(comments(), 1).choice().describe())
                .doesNotContain("at most one theme");
        assertThatThrownBy(() -> discovery.discoverWithAbout(comments(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameCommentsGiveTheSameThemes() {
        Themes first = discovery.discover(comments());
        Themes second = new ThemeDiscovery(this::vectors).discover(comments());
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aFewDistinctTextsMakeFewerThemes() {
        Themes themes = discovery.discover(List.of(
                new Comment("1", "Nothing."), new Comment("2", "nothing"), new Comment("3", "The bus is late")));
        assertThat(themes.themes()).hasSize(1);
        assertThat(themes.choice().describe()).isEqualTo("1 theme: too few distinct texts to choose");
        assertThat(themes.theme(1).size()).isEqualTo(3);
    }

    @Test
    void refusesWhatItCannotGroup() {
        assertThatThrownBy(() -> discovery.discover(List.of())).hasMessage("no comment to group");
        assertThatThrownBy(() -> discovery.discover(List.of(new Comment("1", " "))))
                .hasMessage("comment 1 has no text");
        assertThatThrownBy(() -> discovery.discover(List.of(new Comment("1", "a"), new Comment("1", "b"))))
                .hasMessage("comment id 1 appears twice");
        assertThatThrownBy(() -> discovery.discover(List.of(new Comment("1", "a"), new Comment("2", "b")), 3))
                .hasMessage("3 themes asked for, but there are only 2 distinct texts");
    }
}
