package org.lodestar.measures.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TargetProjectionTest {

    private static TreeMap<Integer, Double> line(double... values) {
        TreeMap<Integer, Double> series = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            series.put(2020 + i, values[i]);
        }
        return series;
    }

    @Test
    void aSteadyRiseIsCarriedOnDampedWithAnIntervalFromItsOwnBacktest() {
        // 50, 52, ..., 58 in 2020-2024; target 62 in 2026, higher is better
        var result =
                TargetProjection.of(line(50, 52, 54, 56, 58), 2026, 62, true).orElseThrow();
        // 58 + 2 * (0.8 + 0.64)
        assertThat(result.projected()).isCloseTo(60.88, within(1e-9));
        // backtest from 2022 and 2023: the damping errs 0.4 one year ahead and 2 * (2 - 1.44) two years ahead
        assertThat(result.backtestForecasts()).isEqualTo(3);
        assertThat(result.trendError()).isCloseTo((0.4 + 1.12 + 0.4) / 3, within(1e-9));
        assertThat(result.heldError()).isCloseTo((2 + 4 + 2) / 3.0, within(1e-9));
        double spread = 1.2815515655446004 * Math.sqrt((0.16 + 1.12 * 1.12 / 2 + 0.16) / 3 * 2);
        assertThat(result.upper80()).isCloseTo(60.88 + spread, within(1e-9));
        assertThat(result.lower80()).isCloseTo(60.88 - spread, within(1e-9));
        // 62 is above the whole interval (about 59.9 to 61.9)
        assertThat(result.outlook()).isEqualTo(TargetProjection.Outlook.UNLIKELY);
        // 61.5 is inside it: the honest answer is "uncertain"
        assertThat(TargetProjection.of(line(50, 52, 54, 56, 58), 2026, 61.5, true)
                        .orElseThrow()
                        .outlook())
                .isEqualTo(TargetProjection.Outlook.UNCERTAIN);
        assertThat(TargetProjection.of(line(50, 52, 54, 56, 58), 2026, 59, true)
                        .orElseThrow()
                        .outlook())
                .isEqualTo(TargetProjection.Outlook.LIKELY);
        assertThat(TargetProjection.of(line(50, 52, 54, 56, 58), 2026, 59, false)
                        .orElseThrow()
                        .outlook())
                .isEqualTo(TargetProjection.Outlook.UNLIKELY);
    }

    @Test
    void tooShortAHistoryOrAPastTargetGetsNoProjection() {
        assertThat(TargetProjection.of(line(50, 52, 54, 56), 2026, 62, true)).isEmpty();
        assertThat(TargetProjection.of(line(50, 52, 54, 56, 58), 2024, 62, true))
                .isEmpty();
    }
}
