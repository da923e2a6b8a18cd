package org.lodestar.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lodestar.insights.similarity.Wording;

class WordingTest {

    @Test
    void theWordsOneTextLacksLeaveOutFillerAndPlurals() {
        assertThat(Wording.lacking(
                        "Add a full-time nurse at each elementary school",
                        "Add a full-time librarian at each elementary school"))
                .isEqualTo("nurse");
        assertThat(Wording.lacking(
                        "Recruit teachers through stipends", "Offer a stipend to recruit bilingual teachers"))
                .isEmpty();
        assertThat(Wording.normalized("  Hire   a Tutor ")).isEqualTo("hire a tutor");
    }
}
