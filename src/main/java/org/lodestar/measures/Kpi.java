package org.lodestar.measures;

import java.math.BigDecimal;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import org.lodestar.directory.SchoolLevel;
import org.lodestar.measures.status.Direction;
import org.lodestar.shared.Bilingual;

/**
 * A KPI: how progress on an outcome is tracked, with its baseline and its targets by school year. {@code aboutStudents}
 * says whether its values are rates or counts of students (each school or group value then needs its n, and no value
 * without n is public) or not (a budget, a count of staff: no n asked, nothing hidden). {@code version} is the saved
 * version it was read at: a save of an older version is refused.
 *
 * @param name the name in the district's language
 * @param nameTranslation the name in the other language, or null when nobody translated it
 * @param schoolLevels the levels of school it is about (graduation: high schools), empty when it is about every school
 */
public record Kpi(
        UUID id,
        UUID outcomeId,
        String name,
        String nameTranslation,
        Unit unit,
        Direction direction,
        BigDecimal baselineValue,
        int baselineYear,
        Frequency frequency,
        String dataSource,
        UUID ownerId,
        boolean byStudentGroup,
        boolean aboutStudents,
        Set<SchoolLevel> schoolLevels,
        boolean published,
        int position,
        SortedMap<Integer, BigDecimal> targets,
        int version) {

    public Kpi {
        schoolLevels = schoolLevels == null ? Set.of() : Set.copyOf(schoolLevels);
        nameTranslation = nameTranslation == null || nameTranslation.isBlank() ? null : nameTranslation.strip();
    }

    /** The name in both languages, to be shown in the reader's. */
    public Bilingual names() {
        return new Bilingual(name, nameTranslation);
    }

    /** The same KPI renamed, in both languages, as a change made from its version {@code version}. */
    public Kpi renamed(String name, String nameTranslation, int version) {
        return new Kpi(
                id,
                outcomeId,
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
                schoolLevels,
                published,
                position,
                targets,
                version);
    }

    /** Whether the KPI is about a school of this level: every KPI without levels is about every school. */
    public boolean fits(SchoolLevel level) {
        return schoolLevels.isEmpty() || schoolLevels.contains(level);
    }

    public BigDecimal endTarget() {
        return targets.isEmpty() ? null : targets.get(targets.lastKey());
    }

    public Integer endYear() {
        return targets.isEmpty() ? null : targets.lastKey();
    }

    public enum Unit {
        PERCENT,
        COUNT,
        RATE,
        SCORE,
        CURRENCY
    }

    public enum Frequency {
        ANNUAL,
        SEMESTER,
        QUARTERLY,
        MONTHLY
    }
}
