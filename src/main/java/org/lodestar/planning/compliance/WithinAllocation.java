package org.lodestar.planning.compliance;

import static org.lodestar.planning.compliance.FundingCheck.Figure.amount;

import java.math.BigDecimal;
import java.util.List;
import org.lodestar.planning.compliance.FundingCheck.Result;

/** A fund's planned costs, district and schools together, stay within the district's allocation of it for the year. */
record WithinAllocation(String fund) implements FundingRule {

    @Override
    public FundingCheck check(FundingPlan plan) {
        BigDecimal allocation = plan.allocation(fund).orElseThrow();
        BigDecimal planned = plan.spent(fund);
        return new FundingCheck(
                "funding.rule.withinAllocation",
                fund,
                planned.compareTo(allocation) <= 0 ? Result.MET : Result.NOT_MET,
                List.of(
                        amount("funding.figure.allocation", allocation),
                        amount("funding.figure.planned", planned),
                        amount("funding.figure.left", allocation.subtract(planned))),
                List.of());
    }
}
