package org.lodestar.planning.compliance;

import static org.lodestar.planning.compliance.FundingCheck.Figure.amount;
import static org.lodestar.planning.compliance.FundingCheck.Figure.rate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.lodestar.planning.compliance.FundingCheck.Figure;
import org.lodestar.planning.compliance.FundingCheck.Result;

/**
 * A district whose allocation of a fund reaches a threshold spends at least a share of it on a purpose: Title IV-A of
 * $30,000 or more spends at least 20% on a well-rounded education (§4106(e)(2)(C)) and 20% on safe and healthy
 * students (§4106(e)(2)(D)). A share of zero means "some portion": more than nothing (technology, §4106(e)(2)(E)).
 */
record MinimumShare(
        String rule, String citation, String fund, List<Purpose> purposes, BigDecimal atLeast, BigDecimal percent)
        implements FundingRule {

    private static final BigDecimal TITLE_IV_A_THRESHOLD = BigDecimal.valueOf(30_000);

    static MinimumShare wellRounded() {
        return titleIVA("funding.rule.ivaWellRounded", "ESEA §4106(e)(2)(C)", List.of(Purpose.WELL_ROUNDED), 20);
    }

    static MinimumShare safeAndHealthy() {
        return titleIVA("funding.rule.ivaSafeHealthy", "ESEA §4106(e)(2)(D)", List.of(Purpose.SAFE_AND_HEALTHY), 20);
    }

    static MinimumShare technology() {
        return titleIVA(
                "funding.rule.ivaTechnology",
                "ESEA §4106(e)(2)(E)",
                List.of(Purpose.TECHNOLOGY, Purpose.TECHNOLOGY_INFRASTRUCTURE),
                0);
    }

    private static MinimumShare titleIVA(String rule, String citation, List<Purpose> purposes, int percent) {
        return new MinimumShare(
                rule,
                citation,
                FundingSource.TITLE_IV_A.name(),
                purposes,
                TITLE_IV_A_THRESHOLD,
                BigDecimal.valueOf(percent));
    }

    @Override
    public FundingCheck check(FundingPlan plan) {
        BigDecimal allocation = plan.allocation(fund).orElse(null);
        if (allocation == null) {
            return new FundingCheck(rule, citation, Result.NEEDS_ALLOCATION, List.of(), List.of());
        }
        if (allocation.compareTo(atLeast) < 0) {
            return new FundingCheck(
                    rule,
                    citation,
                    Result.DOES_NOT_APPLY,
                    List.of(
                            amount("funding.figure.allocation", allocation),
                            amount("funding.figure.threshold", atLeast)),
                    List.of());
        }
        BigDecimal planned = plan.spent(fund, purposes.toArray(Purpose[]::new));
        BigDecimal plannedShare = FundingRule.share(planned, allocation, RoundingMode.FLOOR);
        if (percent.signum() == 0) {
            // "some portion" has no number to show: a required share of 0 % would read as nothing required
            return new FundingCheck(
                    rule,
                    citation,
                    planned.signum() > 0 ? Result.MET : Result.NOT_MET,
                    List.of(
                            amount("funding.figure.allocation", allocation),
                            Figure.note("funding.figure.someShareRequired"),
                            amount("funding.figure.planned", planned),
                            rate("funding.figure.plannedShare", plannedShare)),
                    List.of());
        }
        BigDecimal required = FundingRule.percentOf(allocation, percent);
        return new FundingCheck(
                rule,
                citation,
                planned.compareTo(required) >= 0 ? Result.MET : Result.NOT_MET,
                List.of(
                        amount("funding.figure.allocation", allocation),
                        rate("funding.figure.requiredShare", percent),
                        amount("funding.figure.required", required),
                        amount("funding.figure.planned", planned),
                        rate("funding.figure.plannedShare", plannedShare)),
                List.of());
    }
}
