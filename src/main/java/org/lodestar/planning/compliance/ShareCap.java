package org.lodestar.planning.compliance;

import static org.lodestar.planning.compliance.FundingCheck.Figure.amount;
import static org.lodestar.planning.compliance.FundingCheck.Figure.rate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.lodestar.planning.compliance.FundingCheck.Result;

/**
 * At most a share of a fund may go to a purpose. Against the allocation: administration of Title IV-A (§4105(c)) and of
 * Title III (§3115(b)), 2% each. Against a part of the spending: infrastructure, at most 15% of Title IV-A's technology
 * spending (§4109(b)).
 *
 * @param of the purposes whose spending is the whole the cap is a share of; empty: the allocation
 */
record ShareCap(String rule, String citation, String fund, Purpose purpose, List<Purpose> of, BigDecimal percent)
        implements FundingRule {

    static ShareCap titleIVAAdministration() {
        return new ShareCap(
                "funding.rule.ivaAdministration",
                "ESEA §4105(c)",
                FundingSource.TITLE_IV_A.name(),
                Purpose.ADMINISTRATION,
                List.of(),
                BigDecimal.valueOf(2));
    }

    static ShareCap titleIIIAdministration() {
        return new ShareCap(
                "funding.rule.titleIIIAdministration",
                "ESEA §3115(b)",
                FundingSource.TITLE_III_A.name(),
                Purpose.ADMINISTRATION,
                List.of(),
                BigDecimal.valueOf(2));
    }

    static ShareCap titleIVAInfrastructure() {
        return new ShareCap(
                "funding.rule.ivaInfrastructure",
                "ESEA §4109(b)",
                FundingSource.TITLE_IV_A.name(),
                Purpose.TECHNOLOGY_INFRASTRUCTURE,
                List.of(Purpose.TECHNOLOGY, Purpose.TECHNOLOGY_INFRASTRUCTURE),
                BigDecimal.valueOf(15));
    }

    @Override
    public FundingCheck check(FundingPlan plan) {
        BigDecimal whole;
        String wholeLabel;
        if (of.isEmpty()) {
            whole = plan.allocation(fund).orElse(null);
            if (whole == null) {
                return new FundingCheck(rule, citation, Result.NEEDS_ALLOCATION, List.of(), List.of());
            }
            wholeLabel = "funding.figure.allocation";
        } else {
            whole = plan.spent(fund, of.toArray(Purpose[]::new));
            wholeLabel = "funding.figure.technology";
        }
        BigDecimal planned = plan.spent(fund, purpose);
        if (planned.signum() == 0) {
            return new FundingCheck(
                    rule,
                    citation,
                    Result.DOES_NOT_APPLY,
                    List.of(amount("funding.figure.planned", planned)),
                    List.of());
        }
        BigDecimal cap = FundingRule.percentOf(whole, percent);
        return new FundingCheck(
                rule,
                citation,
                planned.compareTo(cap) <= 0 ? Result.MET : Result.NOT_MET,
                List.of(
                        amount(wholeLabel, whole),
                        rate("funding.figure.capShare", percent),
                        amount("funding.figure.cap", cap),
                        amount("funding.figure.planned", planned),
                        rate("funding.figure.plannedShare", FundingRule.share(planned, whole, RoundingMode.CEILING))),
                List.of());
    }
}
