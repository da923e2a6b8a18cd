package org.lodestar.measures.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusRuleTest {

    // graduation rate: 80% in 2024-25, interim 84% in 2026-27, end 90% in 2029-30
    private final Trajectory graduation = new Trajectory(80, 2024, Map.of(2026, 84.0, 2029, 90.0));
    // chronic absence: 20% in 2024-25 down to 10% in 2029-30
    private final Trajectory absence = new Trajectory(20, 2024, Map.of(2029, 10.0));
    private final StatusRule rule = new StatusRule(5);

    @Test
    void expectsAStraightPathBetweenBaselineAndEachTarget() {
        assertThat(graduation.expected(2024)).isEqualTo(80.0);
        assertThat(graduation.expected(2025)).isEqualTo(82.0);
        assertThat(graduation.expected(2026)).isEqualTo(84.0);
        assertThat(graduation.expected(2027)).isEqualTo(86.0);
        assertThat(graduation.expected(2028)).isCloseTo(88.0, within(1e-9));
        assertThat(graduation.expected(2029)).isEqualTo(90.0);
        assertThat(absence.expected(2026)).isCloseTo(16.0, within(1e-9));
    }

    @Test
    void holdsTheBaselineBeforeItAndTheLastTargetAfterIt() {
        assertThat(graduation.expected(2020)).isEqualTo(80.0);
        assertThat(graduation.expected(2033)).isEqualTo(90.0);
    }

    @Test
    void higherIsBetter() {
        // expected 86 in 2027; 5% of 86 is 4.3, so at risk down to 81.7
        assertThat(rule.status(graduation, Direction.HIGHER_IS_BETTER, 2027, 86.0))
                .isEqualTo(KpiStatus.ON_TRACK);
        assertThat(rule.status(graduation, Direction.HIGHER_IS_BETTER, 2027, 91.0))
                .isEqualTo(KpiStatus.ON_TRACK);
        assertThat(rule.status(graduation, Direction.HIGHER_IS_BETTER, 2027, 81.7))
                .isEqualTo(KpiStatus.AT_RISK);
        assertThat(rule.status(graduation, Direction.HIGHER_IS_BETTER, 2027, 81.6))
                .isEqualTo(KpiStatus.OFF_TRACK);
    }

    @Test
    void lowerIsBetter() {
        // expected 16 in 2026; 5% of 16 is 0.8, so at risk up to 16.8
        assertThat(rule.status(absence, Direction.LOWER_IS_BETTER, 2026, 15.0)).isEqualTo(KpiStatus.ON_TRACK);
        assertThat(rule.status(absence, Direction.LOWER_IS_BETTER, 2026, 16.8)).isEqualTo(KpiStatus.AT_RISK);
        assertThat(rule.status(absence, Direction.LOWER_IS_BETTER, 2026, 16.81)).isEqualTo(KpiStatus.OFF_TRACK);
    }

    @Test
    void statusIsJudgedAtThePrecisionShown() {
        // the path expects 18.83 this year; shown as 18.8% beside an actual 18.8%, it must not read "at risk"
        Trajectory path = new Trajectory(18.5, 2024, java.util.Map.of(2027, 19.5));
        assertThat(path.expected(2025)).isCloseTo(18.833, org.assertj.core.data.Offset.offset(0.001));
        assertThat(rule.status(path, Direction.HIGHER_IS_BETTER, 2025, 18.8)).isEqualTo(KpiStatus.AT_RISK);
        assertThat(rule.status(path, Direction.HIGHER_IS_BETTER, 2025, 18.8, 1)).isEqualTo(KpiStatus.ON_TRACK);
        assertThat(rule.status(path, Direction.HIGHER_IS_BETTER, 2025, 18.7, 1)).isEqualTo(KpiStatus.AT_RISK);
    }

    @Test
    void noValueIsNoData() {
        assertThat(rule.status(graduation, Direction.HIGHER_IS_BETTER, 2027, null))
                .isEqualTo(KpiStatus.NO_DATA);
    }

    @Test
    void theToleranceIsTheDistricts() {
        StatusRule strict = new StatusRule(0);
        StatusRule lenient = new StatusRule(10);
        assertThat(strict.status(graduation, Direction.HIGHER_IS_BETTER, 2027, 85.9))
                .isEqualTo(KpiStatus.OFF_TRACK);
        assertThat(lenient.status(graduation, Direction.HIGHER_IS_BETTER, 2027, 77.4))
                .isEqualTo(KpiStatus.AT_RISK);
        assertThat(lenient.status(graduation, Direction.HIGHER_IS_BETTER, 2027, 77.3))
                .isEqualTo(KpiStatus.OFF_TRACK);
        assertThatThrownBy(() -> new StatusRule(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
