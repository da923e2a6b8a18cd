package org.lodestar.planning.compliance;

import static org.lodestar.planning.compliance.FundingCheck.Figure.amount;
import static org.lodestar.planning.compliance.FundingCheck.Figure.rate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.lodestar.planning.compliance.FundingCheck.Result;

/**
 * At least 90% of what a district reserves for parent and family engagement goes to its Title I schools (ESEA
 * §1116(a)(3)(C)): the part planned in school plans, against all that is planned for the purpose.
 */
record ShareToSchools(String rule, String citation, String fund, Purpose purpose, BigDecimal above, BigDecimal percent)
        implements FundingRule {

    static ShareToSchools parentAndFamilyEngagement() {
        return new ShareToSchools(
                "funding.rule.pfeToSchools",
                "ESEA §1116(a)(3)(C)",
                FundingSource.TITLE_I_A.name(),
                Purpose.PARENT_FAMILY_ENGAGEMENT,
                BigDecimal.valueOf(500_000),
                BigDecimal.valueOf(90));
    }

    @Override
    public FundingCheck check(FundingPlan plan) {
        BigDecimal allocation = plan.allocation(fund).orElse(null);
        if (allocation == null) {
            return new FundingCheck(rule, citation, Result.NEEDS_ALLOCATION, List.of(), List.of());
        }
        BigDecimal reserved = plan.spent(fund, purpose);
        if (allocation.compareTo(above) <= 0 || reserved.signum() == 0) {
            return new FundingCheck(
                    rule,
                    citation,
                    Result.DOES_NOT_APPLY,
                    List.of(
                            amount("funding.figure.allocation", allocation),
                            amount("funding.figure.reserved", reserved)),
                    List.of());
        }
        BigDecimal required = FundingRule.percentOf(reserved, percent);
        BigDecimal toSchools = plan.spentAt(fund, PlanLevel.SCHOOL, purpose);
        return new FundingCheck(
                rule,
                citation,
                toSchools.compareTo(required) >= 0 ? Result.MET : Result.NOT_MET,
                List.of(
                        amount("funding.figure.reserved", reserved),
                        rate("funding.figure.requiredShare", percent),
                        amount("funding.figure.required", required),
                        amount("funding.figure.toSchools", toSchools),
                        rate(
                                "funding.figure.plannedShare",
                                FundingRule.share(toSchools, reserved, RoundingMode.FLOOR))),
                List.of());
    }
}
