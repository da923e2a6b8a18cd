package org.lodestar.planning.domain;

import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.Tier;

/**
 * Every change the tree editor makes to one tier's items: checked against the person's rights, refused when the item
 * changed since it was read (an {@link org.lodestar.shared.EditConflictException}), recorded in the audit log.
 */
public interface TierEditing {

    Tier tier();

    /** The item as the tree editor shows it, if it is the district's and not removed. */
    Optional<TreeItem> item(UUID districtId, UUID id);

    /**
     * Adds an item, last under its parent: the plan itself for goals, else the goal it belongs to; its title in the
     * district's language and, if given (else null), in the other one.
     */
    UUID add(SignedInUser user, UUID planId, UUID parentId, String title, String titleTranslation, UUID ownerId);

    void update(SignedInUser user, UUID id, ItemChange change);

    void remove(SignedInUser user, UUID id, int version);

    /** Moves the item one place up or down among its siblings; order is not content, so no version is checked. */
    void move(SignedInUser user, UUID id, boolean up);
}
