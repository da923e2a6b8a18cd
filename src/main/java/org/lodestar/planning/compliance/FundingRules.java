package org.lodestar.planning.compliance;

import java.util.ArrayList;
import java.util.List;

/** Every funding rule a plan's costs are checked against before submission, in the order a reviewer reads them. */
public final class FundingRules {

    private static final List<FundingRule> RULES = List.of(
            ReservedShare.parentAndFamilyEngagement(),
            ShareToSchools.parentAndFamilyEngagement(),
            MinimumShare.wellRounded(),
            MinimumShare.safeAndHealthy(),
            MinimumShare.technology(),
            ShareCap.titleIVAInfrastructure(),
            ShareCap.titleIVAAdministration(),
            ShareCap.titleIIIAdministration(),
            EvidenceRequired.schoolImprovement());

    private FundingRules() {}

    /** Each fund's allocation first (a fund without one entered is not checked against it), then the rules of law. */
    public static List<FundingCheck> check(FundingPlan plan) {
        List<FundingCheck> checks = new ArrayList<>();
        plan.allocations().keySet().stream()
                .sorted()
                .map(fund -> new WithinAllocation(fund).check(plan))
                .forEach(checks::add);
        RULES.stream().map(rule -> rule.check(plan)).forEach(checks::add);
        return checks;
    }
}
