package org.lodestar.execution.checkin;

import java.util.UUID;

/** An evidence file of a check-in as lists show it (its bytes are read only to download it). */
public record EvidenceFile(UUID id, UUID checkInId, String name, String contentType, int size) {}
