package org.lodestar.needs;

import java.util.UUID;

/**
 * A theme of stakeholders' comments linked to a need, told by the engagement module.
 *
 * @param size how many comments the theme holds
 * @param href the theme's page
 */
public record LinkedTheme(UUID needId, UUID themeId, String label, int size, String href) {}
