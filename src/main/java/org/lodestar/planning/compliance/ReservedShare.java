package org.lodestar.planning.compliance;

import static org.lodestar.planning.compliance.FundingCheck.Figure.amount;
import static org.lodestar.planning.compliance.FundingCheck.Figure.rate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.lodestar.planning.compliance.FundingCheck.Result;

/**
 * A district whose allocation of a fund exceeds a threshold reserves at least a share of it for a purpose: Title I-A
 * over $500,000 reserves at least 1% for parent and family engagement (ESEA §1116(a)(3)(A)).
 */
record ReservedShare(String rule, String citation, String fund, Purpose purpose, BigDecimal above, BigDecimal percent)
        implements FundingRule {

    static ReservedShare parentAndFamilyEngagement() {
        return new ReservedShare(
                "funding.rule.pfeReservation",
                "ESEA §1116(a)(3)(A)",
                FundingSource.TITLE_I_A.name(),
                Purpose.PARENT_FAMILY_ENGAGEMENT,
                BigDecimal.valueOf(500_000),
                BigDecimal.ONE);
    }

    @Override
    public FundingCheck check(FundingPlan plan) {
        BigDecimal allocation = plan.allocation(fund).orElse(null);
        if (allocation == null) {
            return new FundingCheck(rule, citation, Result.NEEDS_ALLOCATION, List.of(), List.of());
        }
        if (allocation.compareTo(above) <= 0) {
            return new FundingCheck(
                    rule,
                    citation,
                    Result.DOES_NOT_APPLY,
                    List.of(amount("funding.figure.allocation", allocation), amount("funding.figure.threshold", above)),
                    List.of());
        }
        BigDecimal required = FundingRule.percentOf(allocation, percent);
        BigDecimal planned = plan.spent(fund, purpose);
        return new FundingCheck(
                rule,
                citation,
                planned.compareTo(required) >= 0 ? Result.MET : Result.NOT_MET,
                List.of(
                        amount("funding.figure.allocation", allocation),
                        rate("funding.figure.requiredShare", percent),
                        amount("funding.figure.required", required),
                        amount("funding.figure.planned", planned),
                        rate(
                                "funding.figure.plannedShare",
                                FundingRule.share(planned, allocation, RoundingMode.FLOOR))),
                List.of());
    }
}
