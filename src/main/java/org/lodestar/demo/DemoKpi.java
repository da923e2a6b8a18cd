package org.lodestar.demo;

import java.util.Set;
import org.lodestar.directory.SchoolLevel;
import org.lodestar.measures.Kpi;

/**
 * A KPI of the demo, with what its values are made from.
 *
 * @param baseline the value of 2024-25, the year before the plan
 * @param target the value aimed at in the plan's last year
 * @param levels the school levels that report it (none: only the district has a value)
 * @param grades how many grades of each reporting school it counts (0: every grade), so n is the students counted
 * @param share the share of those students it is about (English learners, say), 1 for all of them
 * @param byGroup whether the district's values are broken down by student group
 * @param progress how far it got in 2025-26 as a share of the way its path expected there (1 on the path, below 0
 *     going the wrong way), null when that year's result is not in yet
 * @param newMeasure first measured this year, its first result not in yet: no value at all (no data)
 */
record DemoKpi(
        String name,
        Kpi.Unit unit,
        boolean higherIsBetter,
        double baseline,
        double target,
        String source,
        boolean published,
        boolean aboutStudents,
        Set<SchoolLevel> levels,
        int grades,
        double share,
        boolean byGroup,
        Double progress,
        boolean newMeasure) {

    static final Set<SchoolLevel> EVERY_SCHOOL = Set.of(SchoolLevel.ELEMENTARY, SchoolLevel.MIDDLE, SchoolLevel.HIGH);

    /** A rate of students, counted in the schools of the given levels. */
    static DemoKpi students(
            String name,
            boolean higherIsBetter,
            double baseline,
            double target,
            String source,
            Set<SchoolLevel> levels,
            int grades,
            Double progress) {
        return new DemoKpi(
                name,
                Kpi.Unit.PERCENT,
                higherIsBetter,
                baseline,
                target,
                source,
                false,
                true,
                levels,
                grades,
                1,
                false,
                progress,
                false);
    }

    /** A figure about staff or money: only the district's value, no n. */
    static DemoKpi notAboutStudents(
            String name,
            Kpi.Unit unit,
            boolean higherIsBetter,
            double baseline,
            double target,
            String source,
            Double progress) {
        return new DemoKpi(
                name,
                unit,
                higherIsBetter,
                baseline,
                target,
                source,
                false,
                false,
                Set.of(),
                0,
                1,
                false,
                progress,
                false);
    }

    /** Measured for the first time this year: its first result is not in yet. */
    DemoKpi firstMeasuredThisYear() {
        return new DemoKpi(
                name,
                unit,
                higherIsBetter,
                baseline,
                target,
                source,
                published,
                aboutStudents,
                levels,
                grades,
                share,
                byGroup,
                null,
                true);
    }

    /** Shown on the public scorecard (once its goal is). */
    DemoKpi onPublicPage() {
        return new DemoKpi(
                name,
                unit,
                higherIsBetter,
                baseline,
                target,
                source,
                true,
                aboutStudents,
                levels,
                grades,
                share,
                byGroup,
                progress,
                newMeasure);
    }

    DemoKpi perGroup() {
        return new DemoKpi(
                name,
                unit,
                higherIsBetter,
                baseline,
                target,
                source,
                published,
                aboutStudents,
                levels,
                grades,
                share,
                true,
                progress,
                newMeasure);
    }

    /** Only some of the students are counted: English learners, students with disabilities. */
    DemoKpi ofShare(double share) {
        return new DemoKpi(
                name,
                unit,
                higherIsBetter,
                baseline,
                target,
                source,
                published,
                aboutStudents,
                levels,
                grades,
                share,
                byGroup,
                progress,
                newMeasure);
    }
}
