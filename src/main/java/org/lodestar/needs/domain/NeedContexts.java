package org.lodestar.needs.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.ItemContext;
import org.lodestar.planning.ItemContextSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Tells goal and action pages which needs (candidate or confirmed) they answer, each linking to the need's page; only to
 * a person who may work on the need's assessment (viewers and contributors read nothing of needs, and a school leader
 * sees only their school's).
 */
@Component
class NeedContexts implements ItemContextSource {

    private final NeedStore needs;

    NeedContexts(NeedStore needs) {
        this.needs = needs;
    }

    @Override
    public List<ItemContext> about(UUID districtId, Collection<UUID> itemIds) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (itemIds.isEmpty() || signedIn == null || !(signedIn.getPrincipal() instanceof SignedInUser user)) {
            return List.of();
        }
        return needs.needsAnswered(districtId, itemIds).stream()
                .filter(a -> NeedWork.mayWork(user, a.schoolId()))
                .map(a -> new ItemContext(a.itemId(), ItemContext.Kind.NEED, a.title(), "/needs/" + a.needId()))
                .toList();
    }
}
