package org.lodestar.insights.themes;

import java.util.List;
import java.util.Map;

/**
 * The themes of a set of comments, largest first, the theme number of every comment by id (in the order given), and
 * how their number was set.
 */
public record Themes(List<Theme> themes, Map<String, Integer> themeOf, Choice choice) {

    /** The theme numbered {@code number}. */
    public Theme theme(int number) {
        return themes.get(number - 1);
    }
}
