package org.lodestar.planning.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lodestar.planning.ItemContext;
import org.lodestar.planning.ItemContextSource;
import org.springframework.stereotype.Component;

/** What other modules link to a goal or an action, by kind, for the item's page. */
@Component
class ItemContexts {

    private final List<ItemContextSource> sources;

    ItemContexts(List<ItemContextSource> sources) {
        this.sources = sources;
    }

    /** The links to one item, grouped by kind (needs first), each group in its source's order. */
    Map<ItemContext.Kind, List<ItemContext>> of(UUID districtId, UUID itemId) {
        return sources.stream()
                .flatMap(source -> source.about(districtId, List.of(itemId)).stream())
                .filter(context -> context.itemId().equals(itemId))
                .collect(Collectors.groupingBy(
                        ItemContext::kind, () -> new java.util.EnumMap<>(ItemContext.Kind.class), Collectors.toList()));
    }
}
