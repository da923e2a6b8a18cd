package org.lodestar.planning;

import java.math.BigDecimal;
import java.util.UUID;
import org.lodestar.planning.compliance.Purpose;

/** One planned cost of an action: an amount of a fund, for a purpose the funding rules tell apart. */
public record ActionCost(UUID id, UUID strategyId, String fund, Purpose purpose, BigDecimal amount) {}
