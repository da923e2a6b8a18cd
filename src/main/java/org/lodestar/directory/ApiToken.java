package org.lodestar.directory;

import java.time.Instant;
import java.util.UUID;

/** A personal API token as its owner sees it (never its secret). */
public record ApiToken(UUID id, String name, Instant createdAt, Instant revokedAt) {

    public boolean live() {
        return revokedAt == null;
    }
}
