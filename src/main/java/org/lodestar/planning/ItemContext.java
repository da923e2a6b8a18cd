package org.lodestar.planning;

import java.util.UUID;

/**
 * Something another module knows about a goal or an action of a plan: a need it answers, or the stakeholder
 * conversation, decision or theme it came from. Shown on the item's page so that a plan item is traced back to why it
 * is there.
 *
 * @param itemId the goal's or action's id
 * @param kind what the item is linked to
 * @param label the linked thing's title, as its module names it
 * @param href where the linked thing's own page is, or null when it has none
 */
public record ItemContext(UUID itemId, Kind kind, String label, String href) {

    /** What a plan item is linked to. */
    public enum Kind {
        NEED,
        CONVERSATION,
        THEME
    }
}
