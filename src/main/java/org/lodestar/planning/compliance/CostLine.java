package org.lodestar.planning.compliance;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One planned cost of an action: how much of which fund, for what purpose, in the district's plan or a school's.
 *
 * @param item the action's title, named when a rule finds fault with it
 * @param tier the action's evidence tier, null when the plan does not say
 */
public record CostLine(
        String item, PlanLevel level, String fund, Purpose purpose, BigDecimal amount, EvidenceTier tier) {

    public CostLine {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(fund, "fund");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(amount, "amount");
    }
}
