package org.lodestar.planning;

import java.util.Locale;
import org.lodestar.shared.NotFoundException;

/**
 * The tiers of a plan that planning owns, as the tree editor names them in its URLs ({@code /plans/{id}/nodes/goal}).
 * What a district calls each tier is its own ({@code TierNames}); how each is stored is its store's business.
 */
public enum Tier {
    GOAL,
    OUTCOME,
    STRATEGY;

    /** The tier named in a URL; an unknown name is reported like an unknown item. */
    public static Tier fromPath(String segment) {
        for (Tier tier : values()) {
            if (tier.path().equals(segment)) {
                return tier;
            }
        }
        throw new NotFoundException("tier");
    }

    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }
}
