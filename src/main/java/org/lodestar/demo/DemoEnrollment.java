package org.lodestar.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.lodestar.directory.SignedInUser;
import org.lodestar.enrollment.EnrollmentApi;

/**
 * Ten fall counts (2016-2025) for every school by grade, and births since 2010: kindergarten follows births, each
 * cohort moves up with a little loss or gain, and 2020 dips as it did everywhere.
 */
final class DemoEnrollment {

    /**
     * The counts were first drawn from the generator the KPI values had used before them, after 2,613 Gaussian draws;
     * replaying those draws keeps every count and birth as the forecast tests know them.
     */
    private static final int DRAWS_BEFORE = 2613;

    private final EnrollmentApi enrollment;
    private final SignedInUser planner;
    private final List<DemoSchool> schools;
    private final Random random = new Random(2025);

    DemoEnrollment(EnrollmentApi enrollment, SignedInUser planner, List<DemoSchool> schools) {
        this.enrollment = enrollment;
        this.planner = planner;
        this.schools = schools;
        for (int i = 0; i < DRAWS_BEFORE; i++) {
            random.nextGaussian();
        }
    }

    void load() {
        List<String> grades = DemoSchool.GRADES;
        Map<Integer, Integer> births = new TreeMap<>();
        for (int year = 2010; year <= 2024; year++) {
            births.put(year, 760 - (year - 2010) * 9 + random.nextInt(30));
        }
        enrollment.recordBirths(planner, births);
        List<EnrollmentApi.Count> counted = new ArrayList<>();
        for (DemoSchool school : schools) {
            int low = school.lowest();
            int high = school.highest();
            double perGrade = school.capacity() * 0.9 / (high - low + 1);
            double[] counts = new double[grades.size()];
            for (int g = low; g <= high; g++) {
                counts[g] = perGrade * (0.95 + random.nextDouble() * 0.1);
            }
            double survival = 0.97 + random.nextDouble() * 0.05;
            for (int year = 2016; year <= 2025; year++) {
                double[] next = new double[grades.size()];
                double shock = year == 2020 ? 0.93 : 1.0;
                next[low] = perGrade * (1 - (year - 2016) * 0.006) * (0.96 + random.nextDouble() * 0.08) * shock;
                for (int g = low + 1; g <= high; g++) {
                    next[g] = counts[g - 1] * survival * (0.98 + random.nextDouble() * 0.04) * (shock < 1 ? 0.98 : 1);
                }
                counts = next;
                for (int g = low; g <= high; g++) {
                    counted.add(new EnrollmentApi.Count(school.id(), year, grades.get(g), (int) Math.round(counts[g])));
                }
            }
        }
        enrollment.recordCounts(planner, counted);
    }
}
