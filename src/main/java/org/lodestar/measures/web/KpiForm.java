package org.lodestar.measures.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lodestar.directory.SchoolLevel;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.Values;
import org.lodestar.measures.status.Direction;
import org.lodestar.shared.LocalizedNumbers;
import org.springframework.context.i18n.LocaleContextHolder;

/** Every field of a KPI, with its targets as rows of school year and value (blank rows are ignored). */
record KpiForm(
        @NotBlank @Size(max = 300) String name,
        @Size(max = 300) String nameTranslation,
        @NotNull Kpi.Unit unit,
        @NotNull Direction direction,
        @NotNull @Digits(integer = 10, fraction = 4) BigDecimal baselineValue,
        @NotNull @Min(1990) @Max(2100) Integer baselineYear,
        @NotNull Kpi.Frequency frequency,
        @Size(max = 300) String dataSource,
        UUID ownerId,
        // boxed: a box that is not on the page (school leaders do not publish) is absent, which means unticked
        Boolean byStudentGroup,
        // null (neither the box nor its marker sent) keeps the safe answer: the values are about students
        Boolean aboutStudents,
        // none ticked: the KPI is about every school
        Set<SchoolLevel> levels,
        Boolean published,
        List<@Valid TargetRow> targets,
        Integer version) {

    /** The KPI as its edit form shows it, with at least {@code rows} target rows. */
    static KpiForm of(Kpi kpi, int rows) {
        List<TargetRow> targets = new ArrayList<>();
        kpi.targets().forEach((year, value) -> targets.add(new TargetRow(year, Values.plain(value))));
        while (targets.size() < rows) {
            targets.add(new TargetRow(null, null));
        }
        return new KpiForm(
                kpi.name(),
                kpi.nameTranslation(),
                kpi.unit(),
                kpi.direction(),
                kpi.baselineValue(),
                kpi.baselineYear(),
                kpi.frequency(),
                kpi.dataSource(),
                kpi.ownerId(),
                kpi.byStudentGroup(),
                kpi.aboutStudents(),
                kpi.schoolLevels(),
                kpi.published(),
                targets,
                kpi.version());
    }

    KpiForm atVersion(int saved) {
        return new KpiForm(
                name,
                nameTranslation,
                unit,
                direction,
                baselineValue,
                baselineYear,
                frequency,
                dataSource,
                ownerId,
                byStudentGroup,
                aboutStudents,
                levels,
                published,
                targets,
                saved);
    }

    /**
     * What the form shows, by field label: what an edit conflict compares, in the page's language ({@code words} turns
     * a message key into its text).
     */
    Map<String, String> shown(Function<String, String> words) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("kpi.name", name);
        shown.put("plan.titleTranslated", nameTranslation);
        shown.put(
                "kpi.levels",
                levels == null
                        ? ""
                        : levels.stream()
                                .sorted()
                                .map(level -> words.apply("level." + level))
                                .collect(Collectors.joining(", ")));
        shown.put("kpi.unit", unit == null ? null : words.apply("unit." + unit));
        shown.put("kpi.direction", direction == null ? null : words.apply("direction." + direction));
        shown.put("kpi.baseline", baselineValue == null ? null : LocalizedNumbers.format(baselineValue, locale));
        shown.put("kpi.baselineYear", baselineYear == null ? null : baselineYear.toString());
        shown.put("kpi.dataSource", dataSource);
        shown.put(
                "kpi.byStudentGroup",
                words.apply(Boolean.TRUE.equals(byStudentGroup) ? "conflict.yes" : "conflict.no"));
        shown.put("kpi.aboutStudents", words.apply(valuesAboutStudents() ? "conflict.yes" : "conflict.no"));
        shown.put(
                "kpi.targets",
                targets == null
                        ? ""
                        : targets.stream()
                                .filter(row -> row.year() != null && row.value() != null)
                                .map(row -> row.year() + ": " + LocalizedNumbers.format(row.value(), locale))
                                .collect(Collectors.joining(", ")));
        return shown;
    }

    /** Only a box seen and left unticked says the values are not about students. */
    boolean valuesAboutStudents() {
        return !Boolean.FALSE.equals(aboutStudents);
    }

    /**
     * The form as typed when the binder could not build it (a number field held text): every field read leniently, a
     * number that does not parse left empty. The binder's errors still carry the text, and the page shows it.
     */
    static KpiForm asTyped(Map<String, String[]> params, int targetRows) {
        List<TargetRow> rows = new ArrayList<>();
        for (int i = 0; i < targetRows; i++) {
            rows.add(new TargetRow(
                    whole(text(params, "targets[" + i + "].year")), decimal(text(params, "targets[" + i + "].value"))));
        }
        return new KpiForm(
                text(params, "name"),
                text(params, "nameTranslation"),
                choice(Kpi.Unit.class, text(params, "unit")),
                choice(Direction.class, text(params, "direction")),
                decimal(text(params, "baselineValue")),
                whole(text(params, "baselineYear")),
                choice(Kpi.Frequency.class, text(params, "frequency")),
                text(params, "dataSource"),
                null,
                params.containsKey("byStudentGroup"),
                params.containsKey("aboutStudents") || !params.containsKey("_aboutStudents"),
                levels(params.get("levels")),
                params.containsKey("published"),
                rows,
                whole(text(params, "version")));
    }

    /** The ticked levels of school; a name that is no level is left out. */
    static Set<SchoolLevel> levels(String[] names) {
        Set<SchoolLevel> levels = java.util.EnumSet.noneOf(SchoolLevel.class);
        if (names != null) {
            for (String name : names) {
                SchoolLevel level = choice(SchoolLevel.class, name);
                if (level != null) {
                    levels.add(level);
                }
            }
        }
        return levels;
    }

    static String text(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    static Integer whole(String text) {
        try {
            return text == null || text.isBlank()
                    ? null
                    : LocalizedNumbers.parseWhole(text, LocaleContextHolder.getLocale());
        } catch (IllegalArgumentException notWhole) {
            return null;
        }
    }

    /** A number as typed in the page's language ({@link LocalizedNumbers}); null when blank or refused. */
    static BigDecimal decimal(String text) {
        try {
            return text == null || text.isBlank()
                    ? null
                    : LocalizedNumbers.parse(text, LocaleContextHolder.getLocale());
        } catch (IllegalArgumentException notANumber) {
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String text) {
        try {
            return text == null ? null : Enum.valueOf(type, text);
        } catch (IllegalArgumentException notAChoice) {
            return null;
        }
    }

    /** Values are stored with at most 10 digits before the point and 4 after it: more is refused, not rounded. */
    record TargetRow(
            Integer year,
            @Digits(integer = 10, fraction = 4) BigDecimal value) {}
}
