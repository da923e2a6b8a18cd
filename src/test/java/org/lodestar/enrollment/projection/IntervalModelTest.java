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
    void studentsTQuantilesMatchTheTables() {
        assertThat(IntervalModel.studentT(IntervalModel.Z90, 3)).isCloseTo(1.638, within(0.002));
        assertThat(IntervalModel.studentT(IntervalModel.Z975, 3)).isCloseTo(3.182, within(0.005));
        assertThat(IntervalModel.studentT(IntervalModel.Z90, 10)).isCloseTo(1.372, within(0.001));
        assertThat(IntervalModel.studentT(IntervalModel.Z975, 30)).isCloseTo(2.042, within(0.001));
    }

    @Test
    void districtBandsWidenWithFewOriginsAndWithTheYearsAhead() {
        Bands bands = new Bands();
        bands.asOf(2012);
        // three origins' one-year-ahead district errors of about 1%
        bands.add(BandLevel.DISTRICT, 1, 10_000, 10_100, 2010);
        bands.add(BandLevel.DISTRICT, 1, 10_000, 9_900, 2011);
        bands.add(BandLevel.DISTRICT, 1, 10_000, 10_100, 2012);
        Bands.Band one = bands.band(BandLevel.DISTRICT, 1, 10_000);
        Bands.Band three = bands.band(BandLevel.DISTRICT, 3, 10_000);
        assertThat(one.source()).isEqualTo(Bands.Source.BACKTEST);
        // wider than a normal band of the same spread would be, with five degrees of freedom
        assertThat(Math.log(one.upper80())).isGreaterThan(1.2816 * 0.01);
        assertThat(Math.log(three.upper80())).isGreaterThan(2 * Math.log(one.upper80()));
        assertThat(three.lower95()).isLessThan(three.lower80());
        // an error not yet known at the origin changes nothing
        bands.add(BandLevel.DISTRICT, 1, 10_000, 12_000, 2013);
        assertThat(bands.band(BandLevel.DISTRICT, 1, 10_000)).isEqualTo(one);
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
