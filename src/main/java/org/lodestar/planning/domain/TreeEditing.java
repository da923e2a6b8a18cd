package org.lodestar.planning.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.lodestar.planning.Tier;
import org.springframework.stereotype.Service;

/** The editing of each tier of a plan's tree, by the tier named in the tree editor's URLs. */
@Service
public class TreeEditing {

    private final Map<Tier, TierEditing> tiers = new EnumMap<>(Tier.class);

    TreeEditing(List<TierEditing> editings) {
        editings.forEach(editing -> {
            if (tiers.put(editing.tier(), editing) != null) {
                throw new IllegalStateException("two editings of " + editing.tier());
            }
        });
        if (tiers.size() != Tier.values().length) {
            throw new IllegalStateException("a tier without its editing: " + tiers.keySet());
        }
    }

    public TierEditing of(Tier tier) {
        return tiers.get(tier);
    }
}
