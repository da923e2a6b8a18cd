package org.lodestar.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BilingualTest {

    private final Bilingual both = new Bilingual("Every student reads", "Cada estudiante lee");
    private final Bilingual englishOnly = new Bilingual("Every student reads", " ");

    @Test
    void aReaderOfEitherLanguageReadsTheirOwnUnmarked() {
        assertThat(both.in("en", "en")).isEqualTo(new Bilingual.Shown("Every student reads", null));
        assertThat(both.in("es", "en")).isEqualTo(new Bilingual.Shown("Cada estudiante lee", null));
        // a district writing in Spanish first: its text is the Spanish, its translation the English
        Bilingual spanishFirst = new Bilingual("Cada estudiante lee", "Every student reads");
        assertThat(spanishFirst.in("en", "es")).isEqualTo(new Bilingual.Shown("Every student reads", null));
        assertThat(spanishFirst.in("es", "es")).isEqualTo(new Bilingual.Shown("Cada estudiante lee", null));
    }

    @Test
    void anUntranslatedTextFallsBackMarkedWithItsLanguage() {
        assertThat(englishOnly.translation()).isNull();
        assertThat(englishOnly.in("es", "en")).isEqualTo(new Bilingual.Shown("Every student reads", "en"));
        assertThat(new Bilingual("Cada estudiante lee", null).in("en", "es"))
                .isEqualTo(new Bilingual.Shown("Cada estudiante lee", "es"));
        // an optional text given only in the other language
        assertThat(new Bilingual("", "Nuestra visión").in("en", "en"))
                .isEqualTo(new Bilingual.Shown("Nuestra visión", "es"));
        assertThat(new Bilingual(null, null).in("es", "en").toString()).isEmpty();
    }
}
