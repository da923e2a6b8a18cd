package org.lodestar.benchmark;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lodestar.LodestarApplication;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.enrollment.domain.EnrollmentImports;
import org.lodestar.measures.MeasuresApi;
import org.lodestar.measures.domain.MeasurementImport;
import org.lodestar.planning.PlanningApi;
import org.lodestar.support.ImportDistrict;
import org.lodestar.support.StatementCounter;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;

/**
 * Not a test: imports large files into a fresh district and prints rows/s and the SQL statements each import prepared.
 * Starts Lodestar without its demo, with its own embedded database under {@code target/import-benchmark-data}
 * (recreated at every run), enters an {@link ImportDistrict} of {@value #SCHOOLS} schools and {@value #KPIS} KPIs
 * through the modules' APIs, then imports, as its administrator, a CSV of measurements (default
 * 50,000 rows: KPIs by school, group and year) twice (new values, then every one replaced) and a CSV of enrollment
 * counts (default 20,000 rows: schools by year and grade) twice. Run it with the command in README.
 *
 * <p>Arguments, all optional: measurement rows, enrollment rows.
 */
public final class ImportBenchmark {

    static final int SCHOOLS = 200;
    static final int KPIS = 10;

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int measurements = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int counts = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Path data = Path.of("target/import-benchmark-data").toAbsolutePath();
        ConfigurableApplicationContext context = SpringApplication.run(
                LodestarApplication.class,
                "--server.address=127.0.0.1",
                "--server.port=0",
                "--lodestar.data-dir=" + data,
                "--lodestar.embedded-db.reset-on-start=true",
                "--lodestar.demo.enabled=false",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
        int exit = 0;
        try {
            ImportDistrict district = ImportDistrict.create(
                    context.getBean(DirectoryApi.class),
                    context.getBean(PlanningApi.class),
                    context.getBean(MeasuresApi.class),
                    SCHOOLS,
                    KPIS);
            System.out.printf(
                    "district: %d schools, %d KPIs, %d groups; %d cores%n",
                    SCHOOLS,
                    KPIS,
                    ImportDistrict.GROUPS.length,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("%-34s %9s %9s %10s %11s%n", "import", "rows", "seconds", "rows/s", "statements");
            MeasurementImport values = context.getBean(MeasurementImport.class);
            EnrollmentImports enrollment = context.getBean(EnrollmentImports.class);
            for (int round = 0; round < 2; round++) {
                byte[] file = district.measurementFile(measurements, round);
                exit |= run(
                        round == 0 ? "measurements, new" : "measurements, all replaced",
                        measurements,
                        () -> values.importFile(district.admin(), "values.csv", new ByteArrayResource(file))
                                .applied());
            }
            for (int round = 0; round < 2; round++) {
                byte[] file = district.countFile(counts, 100 + round);
                exit |= run(
                        round == 0 ? "enrollment counts, new" : "enrollment counts, all replaced",
                        counts,
                        () -> enrollment
                                .importFile(district.admin(), "counts.csv", new ByteArrayResource(file), false)
                                .applied());
            }
        } finally {
            context.close();
        }
        System.exit(exit);
    }

    /** Runs one import and prints its figures; 1 when it was refused. */
    private static int run(String name, int rows, Callable<Boolean> work) throws Exception {
        long started = System.nanoTime();
        StatementCounter.Counted<Boolean> counted = StatementCounter.count(work);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "%-34s %9d %9.1f %10.0f %11d%s%n",
                name, rows, seconds, rows / seconds, counted.statements(), counted.result() ? "" : "  REFUSED");
        return counted.result() ? 0 : 1;
    }
}
