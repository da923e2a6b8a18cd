package org.lodestar.enrollment.projection;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Random;

/**
 * Not a test: a benchmark that prints figures. A synthetic state of 2,000 schools x 13 grades (K-12) x 10 years of
 * history, forecast 10 years ahead with bands, which includes the backtest the bands come from. Run it with the
 * command in README.
 */
public final class ForecastBenchmark {

    private ForecastBenchmark() {}

    public static void main(String[] args) {
        int schools = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        EnrollmentHistory history = synthetic(schools, 10, new Random(42));
        Births births = new Births();
        for (int year = 2005; year <= 2024; year++) {
            births.put(year, 60_000 + (year % 7) * 500);
        }
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long start = System.nanoTime();
        EnrollmentForecaster.Result result = EnrollmentForecaster.forecast(history, births, Method.LODESTAR, 10);
        long elapsed = System.nanoTime() - start;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        System.out.printf(
                "%d schools x 13 grades x 10 years, 10-year horizon: %d forecast cells, backtest of %d horizons%n",
                schools, result.cells().size(), result.backtest().rows().size());
        System.out.printf("time: %.1f s, peak heap: %d MB%n", elapsed / 1e9, peak / (1024 * 1024));
        System.out.printf(
                "district 1 year ahead: %.0f students (80%%: %.0f-%.0f)%n",
                result.districtTotals().get(0).forecast(),
                result.districtTotals().get(0).lower80(),
                result.districtTotals().get(0).upper80());
    }

    /** Schools of 100 to 2,000 students whose grades drift and wobble a little from year to year. */
    static EnrollmentHistory synthetic(int schools, int years, Random random) {
        EnrollmentHistory history = new EnrollmentHistory();
        for (int s = 0; s < schools; s++) {
            String school = "S" + s;
            double size = 10 + random.nextDouble() * 140;
            double[] ratios = new double[13];
            for (int g = 0; g < 13; g++) {
                ratios[g] = 0.95 + random.nextDouble() * 0.08;
            }
            double[] counts = new double[13];
            for (int g = 0; g < 13; g++) {
                counts[g] = size;
            }
            for (int y = 0; y < years; y++) {
                int year = 2015 + y;
                double[] next = new double[13];
                next[0] = size * (0.95 + random.nextDouble() * 0.1);
                for (int g = 1; g < 13; g++) {
                    next[g] = counts[g - 1] * ratios[g - 1] * (0.97 + random.nextDouble() * 0.06);
                }
                counts = next;
                for (int g = 0; g < 13; g++) {
                    history.put(school, year, Grade.values()[g + 1], (int) Math.round(counts[g]));
                }
            }
        }
        return history;
    }
}
