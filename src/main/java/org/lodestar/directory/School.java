package org.lodestar.directory;

import java.util.UUID;

/** A school of the district. */
public record School(
        UUID id,
        String name,
        String stateId,
        SchoolLevel level,
        String lowestGrade,
        String highestGrade,
        Integer capacity,
        String address) {}
