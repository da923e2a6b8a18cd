package org.lodestar.planning.compliance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** One rule of a fund's law that a plan's costs must keep; checked before a plan is submitted. */
interface FundingRule {

    BigDecimal HUNDRED = BigDecimal.valueOf(100);

    FundingCheck check(FundingPlan plan);

    /** {@code percent} % of {@code amount}, exactly. */
    static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).divide(HUNDRED);
    }

    /**
     * What share of {@code whole} {@code part} is, in percent, to two decimals, rounded away from the rule's line (down
     * for a minimum, up for a cap), so a share shown as 1.00% never fails a 1% minimum: shown, never compared.
     */
    static BigDecimal share(BigDecimal part, BigDecimal whole, RoundingMode towardsFailing) {
        return whole.signum() == 0 ? BigDecimal.ZERO : part.multiply(HUNDRED).divide(whole, 2, towardsFailing);
    }
}
