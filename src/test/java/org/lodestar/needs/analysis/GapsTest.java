package org.lodestar.needs.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GapsTest {

    @Test
    void aGroupIsBehindAllStudentsInTheMetricsDirection() {
        Map<String, Double> absenteeism = new LinkedHashMap<>();
        absenteeism.put("ECON_DIS", 24.0);
        absenteeism.put("EL", 12.0);

        Map<String, Gap> gaps = Gaps.against(absenteeism, 15.0, false);

        assertThat(gaps.get("ECON_DIS").shortfall()).isCloseTo(9.0, within(1e-9));
        assertThat(gaps.get("ECON_DIS").behind()).isTrue();
        assertThat(gaps.get("EL").shortfall()).isCloseTo(-3.0, within(1e-9));
        assertThat(gaps.get("EL").behind()).isFalse();
        // proficiency: higher is better, so a lower value is behind
        assertThat(Gap.of(41.0, 55.0, true).shortfall()).isCloseTo(14.0, within(1e-9));
        assertThat(Gap.of(41.0, 55.0, true).difference()).isCloseTo(-14.0, within(1e-9));
    }

    @Test
    void theBestGroupIsTheLowestWhenLowerIsBetter() {
        Map<String, Double> absenteeism = Map.of("A", 24.0, "B", 12.0, "C", 18.0);

        Map<String, Gap> gaps = Gaps.againstBest(absenteeism, false);

        assertThat(gaps.get("B").shortfall()).isZero();
        assertThat(gaps.get("A").shortfall()).isCloseTo(12.0, within(1e-9));
        assertThat(Gaps.best(Map.of("A", 41.0, "B", 63.0), true)).contains(63.0);
        assertThat(Gaps.againstBest(Map.<String, Double>of(), true)).isEmpty();
    }
}
