package org.lodestar.directory;

import java.util.List;
import java.util.UUID;

/**
 * A person of the district as others see them: name, address, grants, whether they can sign in.
 *
 * @param version the saved version this was read at; a save of an older version is refused
 */
public record Person(UUID id, String email, String displayName, boolean active, List<Grant> grants, int version) {}
