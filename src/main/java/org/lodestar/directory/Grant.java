package org.lodestar.directory;

import java.util.UUID;

/**
 * A role held district-wide ({@code schoolId} null) or in one school.
 */
public record Grant(Role role, UUID schoolId) {

    public boolean districtWide() {
        return schoolId == null;
    }
}
