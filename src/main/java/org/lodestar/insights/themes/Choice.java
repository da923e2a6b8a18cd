package org.lodestar.insights.themes;

import java.util.Locale;

/**
 * How the number of themes was set: asked for, or chosen as the one of {@code fewest..most} with the highest mean
 * silhouette on a sample of {@code sample} distinct texts.
 */
public record Choice(int themes, boolean asked, double silhouette, int fewest, int most, int sample) {

    /** One line for a person, e.g. "chose 9 themes by silhouette 0.071 over 4..15 (sample of 1,500 distinct texts)". */
    public String describe() {
        if (asked) {
            return String.format(Locale.ROOT, "%d themes as asked", themes);
        }
        if (fewest == most) {
            return String.format(
                    Locale.ROOT, "%d theme%s: too few distinct texts to choose", themes, themes == 1 ? "" : "s");
        }
        return String.format(
                Locale.ROOT,
                "chose %d themes by silhouette %.3f over %d..%d (sample of %,d distinct texts)",
                themes,
                silhouette,
                fewest,
                most,
                sample);
    }
}
