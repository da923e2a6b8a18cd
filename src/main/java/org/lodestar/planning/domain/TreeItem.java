package org.lodestar.planning.domain;

import java.util.UUID;

/**
 * What the tree editor shows and changes of an item of any tier: its title, owner and (goals only) published flag.
 *
 * @param publishable whether the item can be put on the public scorecard (goals)
 * @param version the item's version, which its edit form sends back
 */
public record TreeItem(
        UUID id,
        UUID planId,
        String title,
        String titleTranslation,
        UUID ownerId,
        boolean publishable,
        boolean published,
        int version) {}
