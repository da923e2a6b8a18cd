package org.lodestar.needs;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Tells which themes of stakeholders' comments are linked to needs. Needs declares it and the engagement module (which
 * keeps comments and themes) implements it, so that a need's page shows what people said beside the data while needs
 * depends on nothing that depends on it.
 */
public interface LinkedThemeSource {

    List<LinkedTheme> themesOf(UUID districtId, Collection<UUID> needIds);
}
