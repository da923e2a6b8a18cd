package org.lodestar.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lodestar.LodestarApplication;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.School;
import org.lodestar.execution.domain.WorkViews;
import org.lodestar.measures.MeasuresApi;
import org.lodestar.planning.PlanNodes;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.domain.ImprovementPlans;
import org.lodestar.shared.Ids;
import org.lodestar.support.ImportDistrict;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: a district of {@value #SCHOOLS} schools whose improvement plans (the district's and each school's) hold
 * {@value #PROJECTS} projects of {@value #TASKS_PER_PROJECT} tasks each (50,000 tasks, a third waiting for the task
 * before them), written with JDBC batches. It times, and prints the peak heap of: one school's board and timeline
 * pages, fetched over HTTP by a signed-in admin as a browser would (query and rendering), and the district's roll-up of
 * every task into projects, actions and goals. Starts Lodestar without its demo, with its own embedded database under
 * {@code target/work-benchmark-data} (recreated at every run). Run it with the command in README.
 */
public final class WorkScaleBenchmark {

    static final int SCHOOLS = 60;
    static final int PROJECTS = 5_000;
    static final int TASKS_PER_PROJECT = 10;
    static final int STRATEGIES_PER_PLAN = 4;
    static final int YEAR = 2025;
    static final String[] STATUSES = {"NOT_STARTED", "ON_TRACK", "AT_RISK", "OFF_TRACK", "DONE", "BLOCKED"};

    private WorkScaleBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of("target/work-benchmark-data").toAbsolutePath();
        ConfigurableApplicationContext context = SpringApplication.run(
                LodestarApplication.class,
                "--server.address=127.0.0.1",
                "--server.port=0",
                "--lodestar.data-dir=" + data,
                "--lodestar.embedded-db.reset-on-start=true",
                "--lodestar.demo.enabled=false",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
        try {
            run(context);
        } finally {
            context.close();
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext context) throws Exception {
        PlanningApi planning = context.getBean(PlanningApi.class);
        ImportDistrict district = ImportDistrict.create(
                context.getBean(DirectoryApi.class), planning, context.getBean(MeasuresApi.class), SCHOOLS, 1);
        PlanSummary strategic = planning.districtStrategicPlan(district.id()).orElseThrow();
        UUID goal = planning.nodesOfPlan(district.id(), strategic.id())
                .goals()
                .get(0)
                .id();
        ImprovementPlans improvement = context.getBean(ImprovementPlans.class);

        long started = System.nanoTime();
        List<UUID> plans = new ArrayList<>();
        plans.add(improvement.create(
                district.admin(),
                new ImprovementPlans.Start(
                        strategic.id(), null, YEAR, "District improvement plan", Set.of(goal), Set.of())));
        for (School school : district.schools()) {
            plans.add(improvement.create(
                    district.admin(),
                    new ImprovementPlans.Start(
                            strategic.id(), school.id(), YEAR, school.name() + " plan", Set.of(goal), Set.of())));
        }
        List<UUID> strategies = new ArrayList<>();
        for (UUID plan : plans) {
            PlanNodes nodes = planning.nodesOfPlan(district.id(), plan);
            for (int s = 0; s < STRATEGIES_PER_PLAN; s++) {
                strategies.add(planning.addStrategy(
                        district.admin(), nodes.goals().get(0).id(), "Action " + (s + 1), null));
            }
        }
        long tasks = write(context.getBean(JdbcTemplate.class), district.id(), strategies);
        System.out.printf(
                "district: %d schools, %d plans, %d actions, %d projects, %d tasks; %d cores, max heap %d MB;"
                        + " entered in %.1f s%n",
                SCHOOLS,
                plans.size(),
                strategies.size(),
                PROJECTS,
                tasks,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                (System.nanoTime() - started) / 1e9);

        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        String base = "http://127.0.0.1:" + port;
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        signIn(client, base, district.admin().email(), "copper-fjord-lantern-8");
        String school = district.schools().get(0).id().toString();
        WorkViews views = context.getBean(WorkViews.class);

        System.out.printf("%-52s %9s %14s%n", "work", "seconds", "peak heap MB");
        for (int round = 1; round <= 2; round++) {
            String when = round == 1 ? " (first)" : " (again)";
            measure("board of one school" + when, () -> page(client, base + "/work/board?school=" + school));
            measure("timeline of one school" + when, () -> page(client, base + "/work/timeline?school=" + school));
            measure("list of one school" + when, () -> page(client, base + "/work?school=" + school));
            measure("district roll-up" + when, () -> {
                WorkViews.RollUps rollUps = views.districtRollUp(district.id());
                return rollUps.projects().size() + " projects, "
                        + rollUps.strategies().size() + " actions, "
                        + rollUps.goals().size() + " goals";
            });
        }
    }

    /** Projects and tasks straight into the tables in JDBC batches, spread over the actions; the tasks written. */
    private static long write(JdbcTemplate jdbc, UUID district, List<UUID> strategies) {
        Random random = new Random(10);
        LocalDate first = LocalDate.of(YEAR, 7, 1);
        List<Object[]> projects = new ArrayList<>();
        List<Object[]> tasks = new ArrayList<>();
        List<Object[]> dependencies = new ArrayList<>();
        int board = 0;
        for (int p = 0; p < PROJECTS; p++) {
            UUID project = Ids.next();
            LocalDate start = first.plusDays(random.nextInt(200));
            LocalDate due = start.plusDays(30 + random.nextInt(120));
            projects.add(new Object[] {
                district,
                project,
                strategies.get(p % strategies.size()),
                "Project " + (p + 1),
                p + 1,
                STATUSES[random.nextInt(STATUSES.length)],
                Date.valueOf(start),
                Date.valueOf(due),
                random.nextInt(101)
            });
            UUID before = null;
            LocalDate taskStart = start;
            for (int t = 0; t < TASKS_PER_PROJECT; t++) {
                UUID task = Ids.next();
                LocalDate taskDue = taskStart.plusDays(random.nextInt(15));
                tasks.add(new Object[] {
                    district,
                    task,
                    project,
                    "Task " + (t + 1) + " of project " + (p + 1),
                    Date.valueOf(taskStart),
                    Date.valueOf(taskDue),
                    STATUSES[random.nextInt(STATUSES.length)],
                    random.nextInt(101),
                    t == TASKS_PER_PROJECT - 1,
                    t + 1,
                    ++board
                });
                if (t == TASKS_PER_PROJECT - 1) {
                    // the last is a milestone: one date
                    tasks.get(tasks.size() - 1)[4] = Date.valueOf(taskDue);
                }
                if (before != null && random.nextInt(3) == 0) {
                    dependencies.add(new Object[] {district, task, before});
                }
                before = task;
                taskStart = taskDue.plusDays(1);
            }
        }
        jdbc.batchUpdate("""
                insert into project (district_id, id, strategy_id, title, position, status, start_date, due_date,
                    percent_complete) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", projects);
        for (int from = 0; from < tasks.size(); from += 5_000) {
            jdbc.batchUpdate("""
                    insert into task (district_id, id, project_id, title, start_date, due_date, status,
                        percent_complete, milestone, position, board_position) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", tasks.subList(from, Math.min(tasks.size(), from + 5_000)));
        }
        jdbc.batchUpdate(
                "insert into task_dependency (district_id, task_id, depends_on_id) values (?, ?, ?)", dependencies);
        jdbc.execute("analyze project; analyze task; analyze task_dependency");
        return tasks.size();
    }

    private static String page(HttpClient client, String url) throws Exception {
        HttpResponse<String> response =
                client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        int cards = count(response.body(), "data-task=");
        return response.statusCode() + ", " + (response.body().length() >> 10) + " KB, " + cards + " items";
    }

    private static int count(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            count++;
        }
        return count;
    }

    private static void signIn(HttpClient client, String base, String email, String password) throws Exception {
        HttpResponse<String> page = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no form token on the sign-in page");
        }
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
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

    private static void measure(String name, Callable<String> work) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        String result = work.call();
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak =
                heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf("%-52s %9.3f %14d   %s%n", name, seconds, peak >> 20, result);
    }
}
