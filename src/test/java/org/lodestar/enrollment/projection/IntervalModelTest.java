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
    void bandsComeFromPastErrorsOfTheirOwnHorizon() {
        IntervalModel model = new IntervalModel();
        // twenty one-year-ahead forecasts of 100 that turned out 90 to 109
        for (int i = 0; i < 20; i++) {
            model.add(1, 100, 90 + i, 2020);
        }
        IntervalModel.Band one = model.band(1, 100);
        assertThat(one.lower80()).isLessThan(1).isGreaterThan(0.9);
        assertThat(one.upper80()).isGreaterThan(1).isLessThan(1.09);
        assertThat(one.lower95()).isLessThan(one.lower80());
        // no errors four years ahead: no band of its own, the caller takes the prior
        assertThat(model.band(4, 100)).isNull();
        assertThat(new IntervalModel().band(1, 100)).isNull();
    }

    @Test
    void bandsFollowTheLatestYearsErrors() {
        IntervalModel model = new IntervalModel();
        for (int i = 0; i < 20; i++) {
            model.add(1, 100, 50 + 5 * i, 2010); // a wild year long ago
            model.add(1, 100, 99 + i * 0.1, 2020); // steady lately
        }
        assertThat(model.band(1, 100).upper95()).isLessThan(1.02);
    }

    @Test
    void neverOfZeroWidth() {
        IntervalModel model = new IntervalModel();
        for (int i = 0; i < 20; i++) {
            model.add(1, 100, 100, 2020);
        }
        IntervalModel.Band band = model.band(1, 100);
        assertThat(band.lower80()).isCloseTo(Math.exp(-0.01), within(1e-12));
        assertThat(band.upper80()).isCloseTo(Math.exp(0.01), within(1e-12));
    }
}
