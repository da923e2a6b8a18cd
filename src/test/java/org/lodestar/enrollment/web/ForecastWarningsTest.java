package org.lodestar.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.School;
import org.lodestar.directory.SchoolLevel;
import org.lodestar.enrollment.projection.Warning;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;

/** A forecast's assumptions are worded in the reader's language and name schools, never their ids. */
@LodestarTest
class ForecastWarningsTest {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Autowired
    ForecastWarnings warnings;

    private final UUID cedar = UUID.randomUUID();
    private final Map<UUID, School> schools =
            Map.of(cedar, new School(cedar, "Cedar Elementary", null, SchoolLevel.ELEMENTARY, "K", "5", null, null, 0));
    private final List<Warning> found = List.of(
            new Warning(Warning.Kind.LATEST_YEAR_INCOMPLETE, null, List.of("2024")),
            new Warning(Warning.Kind.DISTRICT_RATIO_USED, cedar.toString(), List.of("4", "5")),
            new Warning(Warning.Kind.ENTRY_HELD, cedar.toString(), List.of("K", "2026", "88")));

    @AfterEach
    void resetLanguage() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void theDistrictPageNamesEachSchoolInEnglish() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        List<String> worded = warnings.district(found, schools);
        assertThat(worded)
                .containsExactly(
                        "Counts after 2024 cover too few schools yet, so the forecast starts from 2024.",
                        "Cedar Elementary: No history from grade 4 to grade 5; the district's ratio is used.",
                        "Cedar Elementary: No grade K figure for 2026; held at 88.");
        assertThat(worded).noneMatch(text -> UUID_TEXT.matcher(text).find());
    }

    @Test
    void aSchoolsPageListsItsOwnInSpanish() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("es"));
        assertThat(warnings.school(found, cedar))
                .containsExactly(
                        "No hay historial del grado 4 al grado 5; se usa la proporción del distrito.",
                        "No hay cifra de grado K para 2026; se mantiene en 88.");
        assertThat(warnings.school(found, UUID.randomUUID())).isEmpty();
    }

    @Test
    void theCommandLineAndTheApiKeepTheEnglishSentenceWithTheSchoolsKey() {
        assertThat(found.get(1).toString()).isEqualTo(cedar + ": no 4 to 5 history, district ratio used");
    }
}
