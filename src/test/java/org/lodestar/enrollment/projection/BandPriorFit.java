package org.lodestar.enrollment.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code band-prior.csv}: the quantiles of Lodestar's backtest errors on the shipped histories by level,
 * horizon and size, pooled over the three. Run after changing the method, and copy its output over the resource:
 *
 * <pre>java -cp target/classes:target/test-classes:... org.lodestar.enrollment.projection.BandPriorFit</pre>
 */
final class BandPriorFit {

    private BandPriorFit() {}

    public static void main(String[] args) throws Exception {
        System.out.print(fit());
    }

    static String fit() throws Exception {
        List<Backtest.Report> reports = List.of(
                Backtest.run(EauClaire.history(), EauClaire.births(), Method.LODESTAR, BandPrior.HORIZONS, 2019),
                Backtest.run(Histories.connecticut(), new Births(), Method.LODESTAR, BandPrior.HORIZONS, 2016),
                Backtest.run(Histories.chicago(), new Births(), Method.LODESTAR, BandPrior.HORIZONS, 2015));
        StringBuilder csv = new StringBuilder("level,horizon,size,errors,q10,q90,q025,q975\n");
        for (BandLevel level : BandLevel.values()) {
            for (int h = 1; h <= BandPrior.HORIZONS; h++) {
                List<Double> every = new ArrayList<>();
                for (int size = 0; size < level.sizeClasses(); size++) {
                    List<Double> errors = new ArrayList<>();
                    for (Backtest.Report report : reports) {
                        for (double error : report.errors().model(level).errors(h, size)) {
                            errors.add(error);
                        }
                    }
                    every.addAll(errors);
                    if (level.sizeClasses() > 1 && errors.size() >= IntervalModel.MINIMUM_ERRORS) {
                        csv.append(row(level, h, size, errors));
                    }
                }
                csv.append(row(level, h, -1, every));
            }
        }
        return csv.toString();
    }

    private static String row(BandLevel level, int h, int size, List<Double> errors) {
        double[] sorted =
                errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(
                Locale.ROOT,
                "%s,%d,%d,%d,%.4f,%.4f,%.4f,%.4f%n",
                level,
                h,
                size,
                sorted.length,
                IntervalModel.quantile(sorted, 0.10),
                IntervalModel.quantile(sorted, 0.90),
                IntervalModel.quantile(sorted, 0.025),
                IntervalModel.quantile(sorted, 0.975));
    }
}
