package org.lodestar.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lodestar.LodestarApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: the demo district's full briefing book (every section, the demo strategic plan, its second school year),
 * as a PDF and as a workbook, each asked for over HTTP by the board member as a browser would (the form, then the
 * progress the page polls, then the download), three times each. It prints the time from the request to the file and
 * the peak heap used meanwhile, sampled every 2 ms from the {@link MemoryMXBean} on a thread of its own (the server runs
 * in the same JVM). Starts Lodestar with its demo, with its own embedded database under
 * {@code target/briefing-benchmark-data} (recreated at every run). Run it with the command in README.
 */
public final class BriefingBookBenchmark {

    static final String PLAN = "Lakeview 2030: Every Student Ready";
    static final String SECTIONS = "SCORECARD,GOALS,EXECUTION,CHANGES,REVIEW,NARRATIVES";
    static final int YEAR = 2026;

    private BriefingBookBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of("target/briefing-benchmark-data").toAbsolutePath();
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
        System.out.printf("started with the demo district in %.1f s%n", (System.nanoTime() - started) / 1e9);
        try {
            run(context);
        } finally {
            context.close();
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext context) throws Exception {
        String plan = context.getBean(JdbcTemplate.class)
                .queryForObject("select id::text from plan where title = ?", String.class, PLAN);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        String base = "http://127.0.0.1:" + port;
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        signIn(client, base, "board@lakeview.example", "lodestar-demo");

        System.out.printf("%-34s %9s %14s   %s%n", "book", "seconds", "peak heap MB", "size");
        for (int round = 1; round <= 3; round++) {
            for (String format : new String[] {"PDF", "XLSX"}) {
                measure(client, base, plan, format, round);
            }
        }
    }

    private static void measure(HttpClient client, String base, String plan, String format, int round)
            throws Exception {
        System.gc();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        byte[] book = make(client, base, plan, format);
        double seconds = (System.nanoTime() - started) / 1e9;
        sampling.set(false);
        sampler.join();
        System.out.printf(
                "%-34s %9.3f %14d   %d KB%n",
                "full book, " + format + " (" + (round == 1 ? "first" : "again") + ")",
                seconds,
                peak.get() >> 20,
                book.length >> 10);
    }

    /** Asks for the book as the form does, follows its progress as the page does, and downloads it. */
    private static byte[] make(HttpClient client, String base, String plan, String format) throws Exception {
        String formPage = text(client, base + "/plans/" + plan + "/briefing");
        StringBuilder form = new StringBuilder("_csrf=" + encode(csrf(formPage)));
        for (String section : SECTIONS.split(",")) {
            form.append("&sections=").append(section);
        }
        form.append("&schoolYear=").append(YEAR).append("&format=").append(format);
        HttpResponse<String> asked = client.send(
                HttpRequest.newBuilder(URI.create(base + "/plans/" + plan + "/briefing"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String book = asked.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("the book was not asked for: " + asked.statusCode()));
        String path = URI.create(book).getPath();
        long until = System.currentTimeMillis() + 600_000;
        String progress;
        do {
            Thread.sleep(20);
            progress = text(client, base + path + "/progress");
        } while (!progress.contains("data-status=\"DONE\"")
                && !progress.contains("data-status=\"FAILED\"")
                && System.currentTimeMillis() < until);
        if (!progress.contains("data-status=\"DONE\"")) {
            throw new IllegalStateException("the book was not made: " + progress);
        }
        HttpResponse<byte[]> file = client.send(
                HttpRequest.newBuilder(URI.create(base + path + "/download")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (file.statusCode() != 200) {
            throw new IllegalStateException("download answered " + file.statusCode());
        }
        return file.body();
    }

    private static String text(HttpClient client, String url) throws Exception {
        HttpResponse<String> response =
                client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static String csrf(String page) {
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no form token on the page");
        }
        return csrf.group(1);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void signIn(HttpClient client, String base, String email, String password) throws Exception {
        String page = text(client, base + "/login");
        String form = "username=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(csrf(page));
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
    }
}
