package org.lodestar.enrollment.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.lodestar.directory.School;
import org.lodestar.enrollment.projection.Warning;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A forecast's assumptions in the reader's language, schools by name (a page never shows a school's id). */
@Component
class ForecastWarnings {

    /** More would bury the page; the API lists them all. */
    static final int SHOWN = 20;

    private final MessageSource messages;

    ForecastWarnings(MessageSource messages) {
        this.messages = messages;
    }

    /** Every assumption of the district's forecast, each naming its school. */
    List<String> district(List<Warning> warnings, Map<UUID, School> schools) {
        Locale locale = LocaleContextHolder.getLocale();
        return warnings.stream()
                .limit(SHOWN)
                .map(warning -> {
                    String sentence = sentence(warning, locale);
                    School school = warning.school() == null ? null : schools.get(UUID.fromString(warning.school()));
                    return school == null ? sentence : school.name() + ": " + sentence;
                })
                .toList();
    }

    /** The assumptions about one school, on its own page (which names it already). */
    List<String> school(List<Warning> warnings, UUID schoolId) {
        Locale locale = LocaleContextHolder.getLocale();
        return warnings.stream()
                .filter(warning -> schoolId.toString().equals(warning.school()))
                .limit(SHOWN)
                .map(warning -> sentence(warning, locale))
                .toList();
    }

    private String sentence(Warning warning, Locale locale) {
        return messages.getMessage(
                "enrollment.warning." + warning.kind(),
                Stream.of(warning.args().toArray()).toArray(),
                locale);
    }
}
