package org.lodestar.enrollment.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IntervalModelTest {

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        double[] sorted = {1, 2, 3, 4, 5};
        assertThat(IntervalModel.quantile(sorted, 0.5)).isEqualTo(3);
        assertThat(IntervalModel.quantile(sorted, 0.1)).isCloseTo(1.4, within(1e-12));
        assertThat(IntervalModel.quantile(sorted, 0.975)).isCloseTo(4.9, within(1e-12));
    }

    @Test
    void bandsComeFromPastErrorsAndWidenBeyondTheLongestTestedHorizon() {
        IntervalModel model = new IntervalModel();
        // twenty one-year-ahead forecasts of 100 that turned out 90 to 109
        for (int i = 0; i < 20; i++) {
            model.add(1, 100, 90 + i);
        }
        IntervalModel.Band one = model.band(1, 100);
        assertThat(one.lower80()).isLessThan(1).isGreaterThan(0.9);
        assertThat(one.upper80()).isGreaterThan(1).isLessThan(1.09);
        assertThat(one.lower95()).isLessThan(one.lower80());
        IntervalModel.Band four = model.band(4, 100);
        assertThat(Math.log(four.upper80())).isCloseTo(2 * Math.log(one.upper80()), within(1e-12));
        assertThat(new IntervalModel().band(1, 100)).isEqualTo(new IntervalModel.Band(1, 1, 1, 1));
    }
}
