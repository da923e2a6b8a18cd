package org.lodestar.planning;

import java.util.UUID;

/** A school goal taken up from a district goal, with the school's reason. */
public record Alignment(UUID schoolGoalId, UUID districtGoalId, String rationale) {}
