package org.lodestar.insights;

import java.util.UUID;

/** A text to compare, with the id of what it belongs to (an action, a comment, a goal). */
public record Text(UUID id, String text) {}
