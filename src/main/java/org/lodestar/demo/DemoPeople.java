package org.lodestar.demo;

import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;

/** The demo's people by a short name, so that each part of the demo is entered by the person who would enter it. */
final class DemoPeople {

    private final DirectoryApi directory;
    private final UUID district;
    private final Map<String, UUID> ids;

    DemoPeople(DirectoryApi directory, UUID district, Map<String, UUID> ids) {
        this.directory = directory;
        this.district = district;
        this.ids = ids;
    }

    UUID id(String who) {
        UUID id = ids.get(who);
        if (id == null) {
            throw new IllegalArgumentException("no demo person " + who);
        }
        return id;
    }

    SignedInUser as(String who) {
        return directory.currentAccount(district, id(who)).orElseThrow();
    }

    /** The short name of a person, or null when they are not one of the named demo people. */
    String who(UUID id) {
        return ids.entrySet().stream()
                .filter(entry -> entry.getValue().equals(id))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    UUID district() {
        return district;
    }
}
