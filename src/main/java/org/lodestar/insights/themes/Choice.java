package org.lodestar.insights.themes;

import java.util.Locale;

/**
 * How the number of themes was set: asked for, or chosen as the one of {@code fewest..most} with the highest mean
 * silhouette on a sample of {@code sample} distinct texts; {@code perTheme} (0: none) the comments asked for each theme
 * on average when that bound {@code most} (the comments divided by it, 2 at least).
 */
public record Choice(int themes, boolean asked, double silhouette, int fewest, int most, int sample, int perTheme) {

    /** One line for a person, e.g. "chose 9 themes by silhouette 0.071 over 4..15 (sample of 1,500 distinct texts)". */
    public String describe() {
        if (asked) {
            return String.format(Locale.ROOT, "%d themes as asked", themes);
        }
        String limit = perTheme > 0
                ? String.format(Locale.ROOT, " (at most one theme per %d comments, 2 at least)", perTheme)
                : "";
        if (fewest == most) {
            return String.format(
                    Locale.ROOT,
                    "%d theme%s: too few %s to choose%s",
                    themes,
                    themes == 1 ? "" : "s",
                    perTheme > 0 ? "comments" : "distinct texts",
                    limit);
        }
        return String.format(
                Locale.ROOT,
                "chose %d themes by silhouette %.3f over %d..%d (sample of %,d distinct texts)%s",
                themes,
                silhouette,
                fewest,
                most,
                sample,
                limit);
    }
}
