package org.lodestar.enrollment.projection;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A what-if applied to a base forecast. Because grade progression is linear, each change can be applied to the
 * forecast cells directly: a change to an entry cohort carries forward into the grades that cohort reaches.
 */
public sealed interface Scenario {

    Set<Grade> ELEMENTARY = EnumSet.range(Grade.PK, Grade.G5);
    Set<Grade> MIDDLE = EnumSet.range(Grade.G6, Grade.G8);
    Set<Grade> HIGH = EnumSet.range(Grade.G9, Grade.G12);

    List<EnrollmentForecaster.Cell> apply(List<EnrollmentForecaster.Cell> base);

    /**
     * New homes at a school from a year on: units times students per unit of each band, spread evenly over the grades
     * of the band that the school serves.
     */
    record Housing(String school, int fromYear, int units, double elementary, double middle, double high)
            implements Scenario {

        @Override
        public List<EnrollmentForecaster.Cell> apply(List<EnrollmentForecaster.Cell> base) {
            Map<Set<Grade>, Long> servedPerBand = new HashMap<>();
            for (Set<Grade> band : List.of(ELEMENTARY, MIDDLE, HIGH)) {
                servedPerBand.put(
                        band,
                        base.stream()
                                .filter(c -> c.school().equals(school) && band.contains(c.grade()))
                                .map(EnrollmentForecaster.Cell::grade)
                                .distinct()
                                .count());
            }
            return base.stream()
                    .map(cell -> {
                        if (!cell.school().equals(school) || cell.year() < fromYear) {
                            return cell;
                        }
                        Set<Grade> band = ELEMENTARY.contains(cell.grade())
                                ? ELEMENTARY
                                : MIDDLE.contains(cell.grade()) ? MIDDLE : HIGH;
                        double rate = band == ELEMENTARY ? elementary : band == MIDDLE ? middle : high;
                        return shift(cell, units * rate / servedPerBand.get(band));
                    })
                    .toList();
        }
    }

    /**
     * A charter or private school opening in a year takes a share of each entering class (of one school, or of all
     * when {@code school} is null); the cohorts that entered since carry the loss up the grades.
     */
    record Charter(String school, int fromYear, double share) implements Scenario {

        @Override
        public List<EnrollmentForecaster.Cell> apply(List<EnrollmentForecaster.Cell> base) {
            Map<String, Grade> entry = entryGrades(base);
            return base.stream()
                    .map(cell -> {
                        if (school != null && !cell.school().equals(school)) {
                            return cell;
                        }
                        int entered = cell.year()
                                - (cell.grade().ordinal()
                                        - entry.get(cell.school()).ordinal());
                        return entered >= fromYear ? scale(cell, 1 - share) : cell;
                    })
                    .toList();
        }
    }

    /** A boundary change moves a share of one school's students, in every grade both serve, to another from a year on. */
    record Boundary(String from, String to, int fromYear, double share) implements Scenario {

        @Override
        public List<EnrollmentForecaster.Cell> apply(List<EnrollmentForecaster.Cell> base) {
            Map<String, Double> moved = new HashMap<>();
            Set<String> receiving = new java.util.HashSet<>();
            base.stream().filter(c -> c.school().equals(to)).forEach(c -> receiving.add(c.year() + "|" + c.grade()));
            for (EnrollmentForecaster.Cell cell : base) {
                if (cell.school().equals(from)
                        && cell.year() >= fromYear
                        && receiving.contains(cell.year() + "|" + cell.grade())) {
                    moved.put(cell.year() + "|" + cell.grade(), cell.forecast() * share);
                }
            }
            List<EnrollmentForecaster.Cell> result = new ArrayList<>();
            for (EnrollmentForecaster.Cell cell : base) {
                double change = moved.getOrDefault(cell.year() + "|" + cell.grade(), 0.0);
                if (cell.school().equals(from)) {
                    result.add(shift(cell, -change));
                } else if (cell.school().equals(to)) {
                    result.add(shift(cell, change));
                } else {
                    result.add(cell);
                }
            }
            return result;
        }
    }

    private static Map<String, Grade> entryGrades(List<EnrollmentForecaster.Cell> cells) {
        Map<String, Grade> entry = new HashMap<>();
        cells.forEach(c -> entry.merge(c.school(), c.grade(), (a, b) -> a.compareTo(b) <= 0 ? a : b));
        return entry;
    }

    private static EnrollmentForecaster.Cell shift(EnrollmentForecaster.Cell cell, double students) {
        double factor = cell.forecast() == 0 ? 1 : (cell.forecast() + students) / cell.forecast();
        return new EnrollmentForecaster.Cell(
                cell.school(),
                cell.year(),
                cell.grade(),
                cell.forecast() + students,
                cell.lower80() * factor,
                cell.upper80() * factor,
                cell.lower95() * factor,
                cell.upper95() * factor,
                cell.bandSource());
    }

    private static EnrollmentForecaster.Cell scale(EnrollmentForecaster.Cell cell, double factor) {
        return new EnrollmentForecaster.Cell(
                cell.school(),
                cell.year(),
                cell.grade(),
                cell.forecast() * factor,
                cell.lower80() * factor,
                cell.upper80() * factor,
                cell.lower95() * factor,
                cell.upper95() * factor,
                cell.bandSource());
    }
}
