package org.lodestar.planning.compliance;

import java.util.List;
import org.lodestar.planning.compliance.FundingCheck.Result;

/**
 * Every action paid from §1003 school-improvement funds has evidence of tier 1 to 3 (strong, moderate or promising);
 * "demonstrates a rationale" or no tier at all does not count (ESEA §8101(21)(B)).
 */
record EvidenceRequired(String rule, String citation, String fund) implements FundingRule {

    static EvidenceRequired schoolImprovement() {
        return new EvidenceRequired(
                "funding.rule.schoolImprovementEvidence",
                "ESEA §1003; §8101(21)(B)",
                FundingSource.SCHOOL_IMPROVEMENT_1003.name());
    }

    @Override
    public FundingCheck check(FundingPlan plan) {
        List<CostLine> paid = plan.of(fund);
        if (paid.isEmpty()) {
            return new FundingCheck(rule, citation, Result.DOES_NOT_APPLY, List.of(), List.of());
        }
        List<String> lacking = paid.stream()
                .filter(cost -> cost.tier() == null || !cost.tier().isTierOneToThree())
                .map(CostLine::item)
                .distinct()
                .toList();
        return new FundingCheck(rule, citation, lacking.isEmpty() ? Result.MET : Result.NOT_MET, List.of(), lacking);
    }
}
