package org.lodestar.enrollment.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The stated prior is what Lodestar's backtests on the shipped histories give, to the digit. */
class BandPriorTest {

    @Test
    void theShippedPriorIsTheOneTheHistoriesGive() throws Exception {
        String shipped;
        try (var in = BandPrior.class.getResourceAsStream("band-prior.csv")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(shipped).isEqualTo(BandPriorFit.fit());
    }

    @Test
    void widensPastItsLastHorizonAndIsNeverOfZeroWidth() {
        IntervalModel.Band five = BandPrior.band(BandLevel.DISTRICT, 5, 50_000);
        IntervalModel.Band twenty = BandPrior.band(BandLevel.DISTRICT, 20, 50_000);
        assertThat(Math.log(twenty.upper80())).isCloseTo(2 * Math.log(five.upper80()), within(1e-12));
        assertThat(five.lower80()).isLessThan(1);
        assertThat(five.upper80()).isGreaterThan(1);
    }
}
