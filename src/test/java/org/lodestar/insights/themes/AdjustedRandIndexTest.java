package org.lodestar.insights.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples of scikit-learn's {@code adjusted_rand_score} documentation (1.5), with its values. */
class AdjustedRandIndexTest {

    @Test
    void samePartitionUnderOtherNamesIsOne() {
        assertThat(AdjustedRandIndex.of(List.of(0, 0, 1, 1), List.of(0, 0, 1, 1)))
                .isEqualTo(1.0);
        assertThat(AdjustedRandIndex.of(List.of(0, 0, 1, 1), List.of(1, 1, 0, 0)))
                .isEqualTo(1.0);
    }

    @Test
    void splittingOneClassGivesFourSevenths() {
        // contingency (0,0)=2, (1,1)=1, (2,1)=1: index 1, rows 1, columns 2, expected 1*2/6, max 3/2:
        // (1 - 1/3) / (3/2 - 1/3) = 4/7 = 0.571..., scikit-learn prints 0.57 for both orders
        assertThat(AdjustedRandIndex.of(List.of(0, 0, 1, 2), List.of(0, 0, 1, 1)))
                .isCloseTo(4.0 / 7, within(1e-12));
        assertThat(AdjustedRandIndex.of(List.of(0, 0, 1, 1), List.of(0, 0, 1, 2)))
                .isCloseTo(4.0 / 7, within(1e-12));
    }

    @Test
    void completelySplitClassesAreNoBetterThanChance() {
        assertThat(AdjustedRandIndex.of(List.of(0, 0, 0, 0), List.of(0, 1, 2, 3)))
                .isEqualTo(0.0);
    }

    @Test
    void worseThanChanceIsNegative() {
        // scikit-learn: adjusted_rand_score([0, 0, 1, 1], [0, 1, 0, 1]) == -0.5
        assertThat(AdjustedRandIndex.of(List.of(0, 0, 1, 1), List.of(0, 1, 0, 1)))
                .isCloseTo(-0.5, within(1e-12));
    }
}
