package org.lodestar.planning;

import java.time.OffsetDateTime;

/** A change made to a plan after it was adopted, as its public change log tells it: when, and why. */
public record PlanChange(int version, OffsetDateTime madeAt, String reason) {}
