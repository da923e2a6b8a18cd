package org.lodestar.directory;

import java.util.UUID;

/**
 * A school of the district.
 *
 * @param version the saved version this was read at; a save of an older version is refused
 */
public record School(
        UUID id,
        String name,
        String stateId,
        SchoolLevel level,
        String lowestGrade,
        String highestGrade,
        Integer capacity,
        String address,
        int version) {}
