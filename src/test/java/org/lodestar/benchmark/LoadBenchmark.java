package org.lodestar.benchmark;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.lodestar.LodestarApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Not a test: a load benchmark that prints figures. Starts Lodestar on a random port of 127.0.0.1 with its own embedded
 * database under {@code target/benchmark-data} (recreated at every run), writes the {@link LargeDistrict}, signs in as
 * its planner and then, one page after the other, lets a number of clients (default 50) ask for the page as fast as
 * they can for a number of seconds (default 20, after a warm-up of 5): the signed-in scorecard, a KPI page, the plan
 * page, the public scorecard and a static CSS file, each client on its own kept-alive connection ({@link
 * KeepAliveClient}). Prints requests, requests/s, p50/p95/p99, errors and where the processor time went
 * ({@link CpuUse}) per page, and the load average at the start and the end (other programs on the machine take their
 * share), and stops the application. Run it with the command in README.
 *
 * <p>Arguments, all optional: seconds per page, clients, warm-up seconds.
 */
public final class LoadBenchmark {

    /** At most this many requests are measured per page, whatever the duration. */
    private static final int MAX_REQUESTS = 2_000_000;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The first request to a page renders it, which takes far longer on a machine other programs keep busy. */
    private static final Duration FIRST_TIMEOUT = Duration.ofSeconds(300);

    private LoadBenchmark() {}

    record Target(String name, String path, boolean signedIn) {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path data = Path.of("target/benchmark-data").toAbsolutePath();
        long started = System.nanoTime();
        ConfigurableApplicationContext context = SpringApplication.run(
                LodestarApplication.class,
                "--server.address=127.0.0.1",
                "--server.port=0",
                "--lodestar.data-dir=" + data,
                "--lodestar.embedded-db.reset-on-start=true",
                "--lodestar.demo.enabled=true",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
        int exit = 0;
        try {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            String base = "http://127.0.0.1:" + port;
            System.out.printf("load average at the start: %s%n", CpuUse.loadAverage());
            System.out.printf("Lodestar started at %s in %.1f s%n", base, (System.nanoTime() - started) / 1e9);
            long generating = System.nanoTime();
            LargeDistrict.Generated large = LargeDistrict.generate(
                    context.getBean(DataSource.class),
                    context.getBean(PasswordEncoder.class).encode(LargeDistrict.PASSWORD));
            System.out.printf(
                    "Generated district '%s': %d schools, %d KPIs, %,d measurements in %.1f s%n",
                    LargeDistrict.SLUG,
                    large.schools(),
                    large.kpis(),
                    large.measurements(),
                    (System.nanoTime() - generating) / 1e9);

            CookieManager cookies = new CookieManager();
            String css = signIn(client(cookies), base);
            String session = cookies.getCookieStore().getCookies().stream()
                    .map(HttpCookie::toString)
                    .collect(Collectors.joining("; "));
            InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
            List<Target> targets = List.of(
                    new Target("signed-in scorecard", "/scorecard", true),
                    new Target("KPI page", "/kpis/" + large.kpi(), true),
                    new Target("plan page", "/plans/" + large.plan(), true),
                    new Target("public scorecard", "/p/" + LargeDistrict.SLUG, false),
                    new Target("static CSS file", css, false));
            for (Target target : targets) {
                long before = System.nanoTime();
                try (KeepAliveClient client = new KeepAliveClient(
                        server, target.path(), target.signedIn() ? session : null, (int) FIRST_TIMEOUT.toMillis())) {
                    int status = client.get().status();
                    System.out.printf(
                            "one request alone: %-22s %4d in %8.1f ms%n",
                            target.name(), status, (System.nanoTime() - before) / 1e6);
                }
            }
            System.out.printf(
                    "%d clients, %d s per page after %d s of warm-up, %d cores, loopback only; load average %s%n",
                    clients, seconds, warmUp, Runtime.getRuntime().availableProcessors(), CpuUse.loadAverage());
            System.out.printf(
                    "%-22s %9s %9s %8s %8s %8s %6s %7s   %s%n",
                    "page",
                    "requests",
                    "req/s",
                    "p50 ms",
                    "p95 ms",
                    "p99 ms",
                    "errors",
                    "KB",
                    "CPU ms/request: server, clients, GC+JIT, rest of machine; machine busy");
            for (Target target : targets) {
                String cookie = target.signedIn() ? session : null;
                if (warmUp > 0) {
                    run(server, target.path(), cookie, clients, warmUp);
                }
                Result result = run(server, target.path(), cookie, clients, seconds);
                CpuUse.PerRequest cpu = result.cpu();
                System.out.printf(
                        "%-22s %9d %9.1f %8.1f %8.1f %8.1f %6d %7.1f   %.2f %.2f %.2f %.2f; %.0f%%%n",
                        target.name(),
                        result.latencies().length,
                        result.latencies().length / result.seconds(),
                        percentile(result.latencies(), 50),
                        percentile(result.latencies(), 95),
                        percentile(result.latencies(), 99),
                        result.errors(),
                        result.bytes() / 1024.0,
                        cpu.server(),
                        cpu.clients(),
                        cpu.jvm(),
                        cpu.machineRest(),
                        cpu.busyPercent());
                if (result.errors() > 0) {
                    exit = 1;
                }
            }
            System.out.printf("load average at the end: %s%n", CpuUse.loadAverage());
        } finally {
            context.close();
        }
        System.exit(exit);
    }

    private static HttpClient client(CookieManager cookies) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (cookies != null) {
            builder.cookieHandler(cookies);
        }
        return builder.build();
    }

    /** Signs in with the form (keeping the session cookie) and returns the versioned URL of the style sheet. */
    private static String signIn(HttpClient client, String base) throws Exception {
        HttpResponse<String> page = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        String csrf = find(page.body(), "name=\"_csrf\"\\s+value=\"([^\"]+)\"");
        String css = find(page.body(), "href=\"(/css/[^\"]+\\.css)\"");
        String form = "username=" + URLEncoder.encode(LargeDistrict.PLANNER, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(LargeDistrict.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error") || location.contains("login")) {
            throw new IllegalStateException("sign-in failed: " + signedIn.statusCode() + " " + location);
        }
        return css;
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("not found on the sign-in page: " + regex);
        }
        return matcher.group(1);
    }

    record Result(long[] latencies, long errors, double seconds, long bytes, CpuUse.PerRequest cpu) {}

    /**
     * The clients ask one after the other until the time is up (or {@link #MAX_REQUESTS}), each on its own kept-alive
     * connection; a request still running then finishes, within {@link #TIMEOUT}. Latencies are of successful (200)
     * responses, body read to its end.
     */
    private static Result run(InetSocketAddress server, String path, String cookie, int clients, int seconds)
            throws Exception {
        AtomicLong count = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong clientNanos = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] mine = new long[1024];
                int size = 0;
                long cpu = CpuUse.thisThread();
                try (KeepAliveClient client = new KeepAliveClient(server, path, cookie, (int) TIMEOUT.toMillis())) {
                    ready.countDown();
                    go.await();
                    long end = window[1];
                    while (System.nanoTime() < end && count.incrementAndGet() <= MAX_REQUESTS) {
                        long before = System.nanoTime();
                        try {
                            KeepAliveClient.Answer answer = client.get();
                            long took = System.nanoTime() - before;
                            if (answer.status() != 200) {
                                errors.incrementAndGet();
                                continue;
                            }
                            bytes.set(answer.bytes());
                            if (size == mine.length) {
                                mine = Arrays.copyOf(mine, size * 2);
                            }
                            mine[size++] = took;
                        } catch (java.io.IOException e) {
                            errors.incrementAndGet();
                            client.close();
                        }
                    }
                } finally {
                    clientNanos.addAndGet(CpuUse.thisThread() - cpu);
                }
                return Arrays.copyOf(mine, size);
            }));
        }
        ready.await();
        CpuUse cpu = CpuUse.start();
        window[0] = System.nanoTime();
        window[1] = window[0] + seconds * 1_000_000_000L;
        go.countDown();
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> future : futures) {
            parts.add(future.get());
        }
        double elapsed = (System.nanoTime() - window[0]) / 1e9;
        pool.shutdown();
        long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(
                all, errors.get(), elapsed, bytes.get(), cpu.per(all.length + errors.get(), clientNanos.get()));
    }

    /** In milliseconds, nearest rank. */
    private static double percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
