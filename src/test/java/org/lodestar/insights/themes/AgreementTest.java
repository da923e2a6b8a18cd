package org.lodestar.insights.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementTest {

    @Test
    void aCatchAllThemeWinsTheMajorityShareButNotTheMatchedShare() {
        // labels a a a b b c; themes: everything in theme 1 but one b
        List<String> labels = List.of("a", "a", "a", "b", "b", "c");
        Agreement catchAll = Agreement.of(labels, List.of(1, 1, 1, 1, 2, 1));
        // majority themes: a -> 1, b -> 1 (tie 1:1, lower number), c -> 1: five of six
        assertThat(catchAll.majorityShare()).isCloseTo(5 / 6.0, within(1e-12));
        // matched: a -> 1 (3 comments), b -> 2 (1), c has no theme left: four of six
        assertThat(catchAll.matchedShare()).isCloseTo(4 / 6.0, within(1e-12));

        Agreement exact = Agreement.of(labels, List.of(7, 7, 7, 3, 3, 5));
        assertThat(exact.majorityShare()).isEqualTo(1.0);
        assertThat(exact.matchedShare()).isEqualTo(1.0);
        assertThat(exact.adjustedRand()).isEqualTo(1.0);
    }
}
