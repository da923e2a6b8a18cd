package org.lodestar.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.Measurement;
import org.lodestar.measures.MeasuresApi;

/**
 * The demo's measured values: each KPI on a trend to its baseline, then a first plan year ahead of or behind its path,
 * counted in the schools and grades it is about, so that each value's n is the students it was computed from.
 */
final class DemoValues {

    /** Share of students in each group, in the order of the district's groups; American Indian students are few. */
    private static final double[] SHARES = {1, 0.46, 0.54, 0.14, 0.13, 0.08, 0.17, 0.31, 0.0009, 0.06, 0.3791};
    /** How far each group's results sit from the district's, in points (lower for groups the system underserves). */
    private static final double[] GAPS = {0, -9, 7, -14, -18, 8, -10, -6, -8, 1, 5};

    private final MeasuresApi measures;
    private final List<DemoSchool> schools;
    private final Random random;
    private final List<String> groups = DemoDistrict.groupCodes();
    /** The family of each group: a student is in exactly one group of a family. */
    private final List<String> families = DemoDistrict.groupFamilies();

    DemoValues(MeasuresApi measures, List<DemoSchool> schools, Random random) {
        this.measures = measures;
        this.schools = schools;
        this.random = random;
    }

    /**
     * Six school years (2020-21 to 2025-26) of a district KPI, the baseline year 2024-25 among them: the district's, by
     * student group where it is broken down, and each school's that reports it (each a little above or below the
     * district, year after year).
     */
    void district(SignedInUser by, UUID kpi, DemoKpi definition) {
        if (definition.newMeasure()) {
            return; // its first result is not in yet
        }
        List<DemoSchool> reporting = schools.stream()
                .filter(school -> definition.levels().contains(school.level()))
                .toList();
        double[] standing = new double[reporting.size()];
        for (int s = 0; s < standing.length; s++) {
            standing[s] = random.nextGaussian() * 3;
        }
        double step = definition.target() - definition.baseline();
        double start = definition.baseline() - step * 0.3;
        List<Measurement> values = new ArrayList<>();
        for (int year = 2020; year <= 2025; year++) {
            if (year == 2025 && definition.progress() == null) {
                continue; // this year's result is not in yet
            }
            double value = year == 2024
                    ? definition.baseline()
                    : year == 2025
                            ? definition.baseline() + step / 4 * definition.progress()
                            : start
                                    + (definition.baseline() - start) * (year - 2020) / 4.0
                                    + random.nextGaussian() * 0.8;
            if (year == 2020 && definition.aboutStudents()) {
                value -= definition.higherIsBetter() ? 3 : -3; // the pandemic year
            }
            int[] counted = new int[reporting.size()];
            int n = 0;
            for (int s = 0; s < counted.length; s++) {
                counted[s] = around(reporting.get(s).students(definition.grades(), definition.share()));
                n += counted[s];
            }
            values.add(value(kpi, definition, year, null, "ALL", value, definition.aboutStudents() ? n : null));
            if (definition.byGroup()) {
                int[] groupN = groupSizes(n);
                for (int g = 1; g < groups.size(); g++) {
                    double gap = definition.higherIsBetter() ? GAPS[g] : -GAPS[g] * 0.4;
                    values.add(value(
                            kpi,
                            definition,
                            year,
                            null,
                            groups.get(g),
                            value + gap + random.nextGaussian(),
                            groupN[g]));
                }
            }
            for (int s = 0; s < counted.length; s++) {
                double atSchool = value + standing[s] + random.nextGaussian() * 1.5;
                values.add(value(kpi, definition, year, reporting.get(s).id(), "ALL", atSchool, counted[s]));
            }
        }
        measures.record(by, values);
    }

    /**
     * Four school years (2022-23 to 2025-26) of a school plan's KPI, for its school alone: a trend to the baseline, then
     * the plan's year, the one its target is set for.
     */
    void school(SignedInUser by, UUID kpi, DemoKpi definition, DemoSchool school) {
        double step = definition.target() - definition.baseline();
        List<Measurement> values = new ArrayList<>();
        for (int year = 2022; year <= 2025; year++) {
            if (year == 2025 && definition.progress() == null) {
                continue;
            }
            double value = year == 2024
                    ? definition.baseline()
                    : year == 2025
                            ? definition.baseline() + step * definition.progress()
                            : definition.baseline() - step * 0.3 * (2024 - year) + random.nextGaussian() * 0.8;
            Integer n = definition.aboutStudents()
                    ? around(school.students(definition.grades(), definition.share()))
                    : null;
            values.add(value(kpi, definition, year, school.id(), "ALL", value, n));
        }
        measures.record(by, values);
    }

    /**
     * How many of {@code n} students are in each group: the last group of a family of several (not economically
     * disadvantaged, White) takes the rest, so that a family adds up to the whole as real counts do.
     */
    private int[] groupSizes(int n) {
        int[] sizes = new int[families.size()];
        int inFamily = 0;
        for (int g = 1; g < sizes.length; g++) {
            boolean joinsFamily = families.get(g).equals(families.get(g - 1));
            boolean lastOfFamily = g == sizes.length - 1 || !families.get(g + 1).equals(families.get(g));
            inFamily = joinsFamily ? inFamily : 0;
            sizes[g] = joinsFamily && lastOfFamily ? n - inFamily : (int) Math.max(1, Math.round(n * SHARES[g]));
            inFamily += sizes[g];
        }
        return sizes;
    }

    /** A year's count of students: a few more or fewer than the school usually has. */
    private int around(int students) {
        return (int) Math.max(1, Math.round(students * (0.97 + random.nextDouble() * 0.06)));
    }

    static Measurement value(
            UUID kpi, DemoKpi definition, int year, UUID school, String group, double value, Integer n) {
        return new Measurement(kpi, year, 0, school, group, rounded(definition, value), n);
    }

    /** Counts are whole, percents stay between 0 and 100 with one decimal, money is in whole units. */
    static BigDecimal rounded(DemoKpi definition, double value) {
        return switch (definition.unit()) {
            case COUNT, CURRENCY -> BigDecimal.valueOf(Math.max(0, Math.round(value)));
            case PERCENT ->
                BigDecimal.valueOf(Math.max(0, Math.min(100, value))).setScale(1, RoundingMode.HALF_UP);
            default -> BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
        };
    }

    static BigDecimal rounded(Kpi.Unit unit, double value) {
        return unit == Kpi.Unit.COUNT || unit == Kpi.Unit.CURRENCY
                ? BigDecimal.valueOf(Math.round(value))
                : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }
}
