package org.lodestar.planning.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lodestar.planning.compliance.FundingCheck.Figure;
import org.lodestar.planning.compliance.FundingCheck.Result;

/** Each rule with the numbers of the law at, under and over its line. */
class FundingRulesTest {

    private static final String TITLE_I = "TITLE_I_A";
    private static final String TITLE_IV = "TITLE_IV_A";

    @Test
    void parentEngagementReservationIsOnePercentAboveHalfAMillion() {
        FundingPlan plan = plan(Map.of(TITLE_I, 800_000), pfe(PlanLevel.DISTRICT, 799), pfe(PlanLevel.SCHOOL, 7_200));

        FundingCheck check = ReservedShare.parentAndFamilyEngagement().check(plan);

        assertThat(check.result()).isEqualTo(Result.NOT_MET);
        assertThat(figure(check, "funding.figure.required")).isEqualByComparingTo("8000");
        assertThat(figure(check, "funding.figure.planned")).isEqualByComparingTo("7999");
        assertThat(figure(check, "funding.figure.plannedShare")).isEqualByComparingTo("0.99");

        FundingPlan enough = plan(Map.of(TITLE_I, 800_000), pfe(PlanLevel.DISTRICT, 800), pfe(PlanLevel.SCHOOL, 7_200));
        assertThat(ReservedShare.parentAndFamilyEngagement().check(enough).result())
                .isEqualTo(Result.MET);
    }

    @Test
    void parentEngagementReservationDoesNotApplyAtExactlyHalfAMillion() {
        FundingCheck check = ReservedShare.parentAndFamilyEngagement().check(plan(Map.of(TITLE_I, 500_000)));

        assertThat(check.result()).isEqualTo(Result.DOES_NOT_APPLY);
        assertThat(figure(check, "funding.figure.threshold")).isEqualByComparingTo("500000");
    }

    @Test
    void ninetyPercentOfTheReservationGoesToSchools() {
        FundingPlan lacking =
                plan(Map.of(TITLE_I, 1_000_000), pfe(PlanLevel.DISTRICT, 1_500), pfe(PlanLevel.SCHOOL, 8_500));
        FundingCheck check = ShareToSchools.parentAndFamilyEngagement().check(lacking);

        assertThat(check.result()).isEqualTo(Result.NOT_MET);
        assertThat(figure(check, "funding.figure.reserved")).isEqualByComparingTo("10000");
        assertThat(figure(check, "funding.figure.required")).isEqualByComparingTo("9000");
        assertThat(figure(check, "funding.figure.toSchools")).isEqualByComparingTo("8500");
        assertThat(figure(check, "funding.figure.plannedShare")).isEqualByComparingTo("85.00");

        FundingPlan exact =
                plan(Map.of(TITLE_I, 1_000_000), pfe(PlanLevel.DISTRICT, 1_000), pfe(PlanLevel.SCHOOL, 9_000));
        assertThat(ShareToSchools.parentAndFamilyEngagement().check(exact).result())
                .isEqualTo(Result.MET);
    }

    @Test
    void titleIVAUnderThirtyThousandHasNoMinimumShares() {
        FundingPlan small = plan(Map.of(TITLE_IV, 29_999));

        assertThat(MinimumShare.wellRounded().check(small).result()).isEqualTo(Result.DOES_NOT_APPLY);
        assertThat(MinimumShare.technology().check(small).result()).isEqualTo(Result.DOES_NOT_APPLY);
    }

    @Test
    void titleIVAOfThirtyThousandSpendsTwentyPercentOnEachAndSomeOnTechnology() {
        FundingPlan plan = plan(
                Map.of(TITLE_IV, 30_000),
                cost(TITLE_IV, Purpose.WELL_ROUNDED, 6_000),
                cost(TITLE_IV, Purpose.SAFE_AND_HEALTHY, 5_999));

        FundingCheck wellRounded = MinimumShare.wellRounded().check(plan);
        FundingCheck safe = MinimumShare.safeAndHealthy().check(plan);
        FundingCheck technology = MinimumShare.technology().check(plan);

        assertThat(wellRounded.result()).isEqualTo(Result.MET);
        assertThat(figure(wellRounded, "funding.figure.required")).isEqualByComparingTo("6000");
        assertThat(safe.result()).isEqualTo(Result.NOT_MET);
        assertThat(figure(safe, "funding.figure.plannedShare")).isEqualByComparingTo("19.99");
        assertThat(technology.result()).isEqualTo(Result.NOT_MET);
        // "some portion" is worded, never shown as a required share of 0 %
        assertThat(technology.figures())
                .extracting(Figure::label)
                .containsExactly(
                        "funding.figure.allocation",
                        "funding.figure.someShareRequired",
                        "funding.figure.planned",
                        "funding.figure.plannedShare");
        assertThat(technology.figures().get(1).value()).isNull();

        FundingPlan withDevices = plan(Map.of(TITLE_IV, 30_000), cost(TITLE_IV, Purpose.TECHNOLOGY_INFRASTRUCTURE, 1));
        assertThat(MinimumShare.technology().check(withDevices).result()).isEqualTo(Result.MET);
    }

    @Test
    void infrastructureIsAtMostFifteenPercentOfTechnologySpending() {
        FundingPlan over = plan(
                Map.of(TITLE_IV, 100_000),
                cost(TITLE_IV, Purpose.TECHNOLOGY, 8_400),
                cost(TITLE_IV, Purpose.TECHNOLOGY_INFRASTRUCTURE, 1_600));
        FundingCheck check = ShareCap.titleIVAInfrastructure().check(over);

        assertThat(check.result()).isEqualTo(Result.NOT_MET);
        assertThat(figure(check, "funding.figure.technology")).isEqualByComparingTo("10000");
        assertThat(figure(check, "funding.figure.cap")).isEqualByComparingTo("1500");
        assertThat(figure(check, "funding.figure.plannedShare")).isEqualByComparingTo("16.00");

        FundingPlan atCap = plan(
                Map.of(TITLE_IV, 100_000),
                cost(TITLE_IV, Purpose.TECHNOLOGY, 8_500),
                cost(TITLE_IV, Purpose.TECHNOLOGY_INFRASTRUCTURE, 1_500));
        assertThat(ShareCap.titleIVAInfrastructure().check(atCap).result()).isEqualTo(Result.MET);
    }

    @Test
    void administrationIsAtMostTwoPercentOfTheAllocation() {
        FundingPlan plan = plan(
                Map.of(TITLE_IV, 50_000, "TITLE_III_A", 40_000),
                cost(TITLE_IV, Purpose.ADMINISTRATION, 1_000),
                cost("TITLE_III_A", Purpose.ADMINISTRATION, 800.01));

        assertThat(ShareCap.titleIVAAdministration().check(plan).result()).isEqualTo(Result.MET);
        FundingCheck titleIII = ShareCap.titleIIIAdministration().check(plan);
        assertThat(titleIII.result()).isEqualTo(Result.NOT_MET);
        assertThat(figure(titleIII, "funding.figure.cap")).isEqualByComparingTo("800");
    }

    @Test
    void aRuleWithoutTheFundsAllocationAsksForIt() {
        FundingPlan plan = plan(Map.of(), cost(TITLE_IV, Purpose.ADMINISTRATION, 1_000));

        assertThat(ShareCap.titleIVAAdministration().check(plan).result()).isEqualTo(Result.NEEDS_ALLOCATION);
        assertThat(ReservedShare.parentAndFamilyEngagement().check(plan).result())
                .isEqualTo(Result.NEEDS_ALLOCATION);
    }

    @Test
    void schoolImprovementFundsPayOnlyForTierOneToThree() {
        FundingPlan plan = new FundingPlan(
                Map.of(),
                List.of(
                        new CostLine(
                                "Tutoring",
                                PlanLevel.SCHOOL,
                                "SCHOOL_IMPROVEMENT_1003",
                                Purpose.GENERAL,
                                BigDecimal.TEN,
                                EvidenceTier.PROMISING),
                        new CostLine(
                                "Mindset posters",
                                PlanLevel.SCHOOL,
                                "SCHOOL_IMPROVEMENT_1003",
                                Purpose.GENERAL,
                                BigDecimal.TEN,
                                EvidenceTier.DEMONSTRATES_A_RATIONALE),
                        new CostLine(
                                "Coaching",
                                PlanLevel.SCHOOL,
                                "SCHOOL_IMPROVEMENT_1003",
                                Purpose.GENERAL,
                                BigDecimal.TEN,
                                null),
                        new CostLine(
                                "Library books", PlanLevel.SCHOOL, "LOCAL", Purpose.GENERAL, BigDecimal.TEN, null)));

        FundingCheck check = EvidenceRequired.schoolImprovement().check(plan);

        assertThat(check.result()).isEqualTo(Result.NOT_MET);
        assertThat(check.items()).containsExactly("Mindset posters", "Coaching");
    }

    @Test
    void everyAllocatedFundIsCheckedAgainstWhatIsPlanned() {
        FundingPlan plan = plan(
                Map.of(TITLE_IV, 10_000, "LOCAL", 5_000),
                cost(TITLE_IV, Purpose.GENERAL, 10_000.5),
                cost("LOCAL", Purpose.GENERAL, 5_000));

        List<FundingCheck> checks = FundingRules.check(plan);

        assertThat(checks.subList(0, 2))
                .extracting(FundingCheck::citation, FundingCheck::result)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("LOCAL", Result.MET),
                        org.assertj.core.groups.Tuple.tuple(TITLE_IV, Result.NOT_MET));
        assertThat(figure(checks.get(1), "funding.figure.left")).isEqualByComparingTo("-0.5");
        assertThat(checks).hasSize(2 + 9);
    }

    @Test
    void aFundTheDistrictAddedIsCheckedAgainstItsAllocationLikeABuiltInOne() {
        FundingPlan plan = plan(
                Map.of("STATE_READING_GRANT", 20_000),
                cost("STATE_READING_GRANT", Purpose.GENERAL, 15_000),
                cost("STATE_READING_GRANT", Purpose.GENERAL, 5_000.01));

        FundingCheck check = FundingRules.check(plan).get(0);

        assertThat(check.citation()).isEqualTo("STATE_READING_GRANT");
        assertThat(check.result()).isEqualTo(Result.NOT_MET);
        assertThat(figure(check, "funding.figure.planned")).isEqualByComparingTo("20000.01");
        assertThat(figure(check, "funding.figure.left")).isEqualByComparingTo("-0.01");
    }

    private static BigDecimal figure(FundingCheck check, String label) {
        return check.figures().stream()
                .filter(figure -> figure.label().equals(label))
                .map(Figure::value)
                .findFirst()
                .orElseThrow(() -> new AssertionError(label + " not in " + check.figures()));
    }

    private static FundingPlan plan(Map<String, Integer> allocations, CostLine... costs) {
        Map<String, BigDecimal> amounts = new java.util.HashMap<>();
        allocations.forEach((fund, amount) -> amounts.put(fund, BigDecimal.valueOf(amount)));
        return new FundingPlan(amounts, List.of(costs));
    }

    private static CostLine pfe(PlanLevel level, double amount) {
        return new CostLine(
                "Family nights", level, TITLE_I, Purpose.PARENT_FAMILY_ENGAGEMENT, BigDecimal.valueOf(amount), null);
    }

    private static CostLine cost(String fund, Purpose purpose, double amount) {
        return new CostLine("An action", PlanLevel.DISTRICT, fund, purpose, BigDecimal.valueOf(amount), null);
    }
}
