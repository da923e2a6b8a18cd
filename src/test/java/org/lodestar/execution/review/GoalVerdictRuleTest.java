package org.lodestar.execution.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lodestar.execution.review.GoalVerdictRule.Reading;

/** Met, partly met, not met or no proposal, from the goal's KPIs of the year. */
class GoalVerdictRuleTest {

    private static Reading up(String value, String target) {
        return new Reading(
                value == null ? null : new BigDecimal(value), target == null ? null : new BigDecimal(target), true);
    }

    private static Reading down(String value, String target) {
        return new Reading(new BigDecimal(value), new BigDecimal(target), false);
    }

    @Test
    void everyKpiWithDataAtOrPastItsTargetIsMet() {
        assertThat(GoalVerdictRule.propose(List.of(up("72.0", "72"), up("80.1", "80"), down("4.9", "5"))))
                .contains(Verdict.MET);
        assertThat(GoalVerdictRule.count(List.of(up("72.0", "72"), up("80.1", "80"), down("4.9", "5"))))
                .isEqualTo(new GoalVerdictRule.Count(3, 3, 3));
    }

    @Test
    void someIsPartlyMetAndNoneIsNotMet() {
        assertThat(GoalVerdictRule.propose(List.of(up("72", "72"), up("79.99", "80"))))
                .contains(Verdict.PARTLY_MET);
        assertThat(GoalVerdictRule.propose(List.of(up("71.9", "72"), down("5.01", "5"))))
                .contains(Verdict.NOT_MET);
    }

    @Test
    void kpisWithoutDataOrTargetDoNotCount() {
        List<Reading> readings = List.of(up("90", "80"), up(null, "80"), up("50", null));
        assertThat(GoalVerdictRule.propose(readings)).contains(Verdict.MET);
        assertThat(GoalVerdictRule.count(readings)).isEqualTo(new GoalVerdictRule.Count(1, 1, 3));
    }

    @Test
    void noKpiWithDataProposesNothing() {
        assertThat(GoalVerdictRule.propose(List.of(up(null, "80"), up("1", null))))
                .isEmpty();
        assertThat(GoalVerdictRule.propose(List.of())).isEmpty();
    }

    @Test
    void lowerIsBetterIsReachedAtOrBelowItsTarget() {
        assertThat(GoalVerdictRule.propose(List.of(down("5", "5")))).contains(Verdict.MET);
        assertThat(GoalVerdictRule.propose(List.of(down("5.5", "5")))).contains(Verdict.NOT_MET);
    }
}
