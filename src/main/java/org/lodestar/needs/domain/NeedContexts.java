package org.lodestar.needs.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.lodestar.planning.ItemContext;
import org.lodestar.planning.ItemContextSource;
import org.springframework.stereotype.Component;

/** Tells goal and action pages which needs (candidate or confirmed) they answer, each linking to the need's page. */
@Component
class NeedContexts implements ItemContextSource {

    private final NeedStore needs;

    NeedContexts(NeedStore needs) {
        this.needs = needs;
    }

    @Override
    public List<ItemContext> about(UUID districtId, Collection<UUID> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return needs.needsAnswered(districtId, itemIds).stream()
                .map(a -> new ItemContext(a.itemId(), ItemContext.Kind.NEED, a.title(), "/needs/" + a.needId()))
                .toList();
    }
}
