package org.lodestar.execution.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.sun.net.httpserver.HttpServer;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.ExecutionApi;
import org.lodestar.execution.ProjectStatus;
import org.lodestar.measures.Measurement;
import org.lodestar.measures.MeasuresApi;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.lodestar.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Webhooks end to end: an admin registers one pointing at a real HTTP server inside the test; a check-in, a task's
 * change of status and a KPI's change of status each write a delivery, which the sender posts signed (the test checks
 * the signature with the secret); a failure is tried again after the back-off (the clock moved on), every attempt logged
 * and shown; a delivery that keeps failing is given up; another district neither sees the webhook nor gets deliveries.
 */
@LodestarTest
class WebhooksTest {

    /** What the test server received. */
    record Received(String event, String delivery, String signature, String body) {}

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ExecutionApi execution;

    @Autowired
    MeasuresApi measures;

    @Autowired
    WebhookSender sender;

    @Autowired
    TestClock clock;

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    private SignedInUser admin;
    private SignedInUser planner;
    private UUID strategy;

    @BeforeEach
    void aServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(
                    exchange.getRequestHeaders().getFirst("X-Lodestar-Event"),
                    exchange.getRequestHeaders().getFirst("X-Lodestar-Delivery"),
                    exchange.getRequestHeaders().getFirst("X-Lodestar-Signature"),
                    new String(body, StandardCharsets.UTF_8)));
            Integer answer = answers.poll();
            exchange.sendResponseHeaders(answer == null ? 204 : answer, -1);
            exchange.close();
        });
        server.start();
        admin = fixtures.user("admin@lakeview.example");
        planner = fixtures.user("planner@lakeview.example");
        strategy = fixtures.any("""
                select s.id from strategy s join goal g on g.district_id = s.district_id and g.id = s.goal_id
                join plan p on p.district_id = g.district_id and p.id = g.plan_id
                where s.district_id = ? and p.school_id is null and s.removed_at is null and g.removed_at is null""");
        clock.set(Instant.now());
    }

    @AfterEach
    void stop() {
        server.stop(0);
        clock.reset();
        // nothing of this test is left for another to send
        fixtures.jdbc().sql("delete from webhook").update();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, SignedInUser as) throws Exception {
        return mvc.perform(request.with(user(as)).with(csrf())).andReturn().getResponse();
    }

    private UUID register(SignedInUser as, String secret, String... events) throws Exception {
        MockHttpServletRequestBuilder form =
                post("/admin/webhooks").param("url", url()).param("secret", secret);
        for (String event : events) {
            form.param("events", event);
        }
        MockHttpServletResponse made = send(form, as);
        assertThat(made.getStatus()).isEqualTo(302);
        return UUID.fromString(made.getRedirectedUrl().replace("/admin/webhooks/", ""));
    }

    private int deliveries(UUID webhook, String status) {
        return fixtures.jdbc()
                .sql("select count(*) from webhook_delivery where webhook_id = ? and status = ?")
                .params(webhook, status)
                .query(Integer.class)
                .single();
    }

    private static void signedWith(String secret, Received got) {
        assertThat(got.signature())
                .isEqualTo(WebhookSignature.of(secret, got.body().getBytes(StandardCharsets.UTF_8)))
                .matches("sha256=[0-9a-f]{64}");
    }

    @Test
    void aCheckInIsDeliveredSignedAndAFailureIsTriedAgainAfterTheBackOff() throws Exception {
        String secret = "a-secret-the-district-chose-1234";
        UUID webhook = register(admin, secret, "CHECK_IN_POSTED", "TASK_STATUS_CHANGED", "KPI_STATUS_CHANGED");

        UUID project = execution.addProject(planner, strategy, "Webhook project", null);
        UUID checkIn = execution.checkIn(planner, "project", project, "AT_RISK", "Two coaches hired.", null, null);
        assertThat(deliveries(webhook, "PENDING")).isEqualTo(1);

        answers.add(500);
        sender.sendDue();
        assertThat(received).hasSize(1);
        assertThat(deliveries(webhook, "PENDING")).isEqualTo(1);
        // not due again before its minute is up
        sender.sendDue();
        assertThat(received).hasSize(1);

        clock.advance(Duration.ofSeconds(61));
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(received).hasSize(2);
        assertThat(deliveries(webhook, "DELIVERED")).isEqualTo(1);
        Received got = received.get(1);
        assertThat(got.event()).isEqualTo("check_in.posted");
        assertThat(got.delivery()).isEqualTo(received.get(0).delivery());
        assertThat(got.body())
                .contains("\"event\":\"check_in.posted\"", "\"checkInId\":\"" + checkIn + "\"")
                .contains("\"status\":\"AT_RISK\"", "Two coaches hired.", "\"id\":\"" + got.delivery() + "\"");
        signedWith(secret, got);

        String page = send(get("/admin/webhooks/" + webhook), admin).getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("HTTP 500", "HTTP 204", "Delivered", "check_in.posted");

        // a task's status changing is told; a change of its percent alone is not
        UUID task = execution.addTask(
                planner, project, "Hire", null, null, LocalDate.of(2026, 6, 1), ProjectStatus.NOT_STARTED, 0, false);
        execution.reportTask(planner, task, ProjectStatus.NOT_STARTED, 10);
        execution.reportTask(planner, task, ProjectStatus.ON_TRACK, 20);
        sender.sendDue();
        Received taskChange = received.get(received.size() - 1);
        assertThat(taskChange.event()).isEqualTo("task.status_changed");
        assertThat(taskChange.body())
                .contains(
                        "\"taskId\":\"" + task + "\"", "\"status\":\"ON_TRACK\"", "\"previousStatus\":\"NOT_STARTED\"");
        assertThat(received.stream().filter(r -> r.event().equals("task.status_changed")))
                .hasSize(1);

        // a KPI's first value gives it a status; the same status again is not told twice
        UUID outcome = fixtures.any("""
                select o.id from outcome o join goal g on g.district_id = o.district_id and g.id = o.goal_id
                join plan p on p.district_id = g.district_id and p.id = g.plan_id
                where o.district_id = ? and p.school_id is null and p.kind = 'STRATEGIC'""");
        UUID kpi = fixtures.newKpi(outcome, "Webhook KPI " + UUID.randomUUID(), 50, false);
        int year = fixtures.jdbc().sql("""
                        select p.first_year from outcome o join goal g on g.district_id = o.district_id
                           and g.id = o.goal_id join plan p on p.district_id = g.district_id and p.id = g.plan_id
                         where o.id = ?""").param(outcome).query(Integer.class).single();
        measures.record(planner, List.of(new Measurement(kpi, year, 0, null, "ALL", new BigDecimal("55"), null)));
        measures.record(planner, List.of(new Measurement(kpi, year, 0, null, "ALL", new BigDecimal("55"), null)));
        sender.sendDue();
        List<Received> kpiChanges = received.stream()
                .filter(r -> r.event().equals("kpi.status_changed"))
                .toList();
        assertThat(kpiChanges).hasSize(1);
        assertThat(kpiChanges.get(0).body()).contains("\"kpiId\":\"" + kpi + "\"", "\"previousStatus\":null");
        signedWith(secret, kpiChanges.get(0));
    }

    @Test
    void aDeliveryThatKeepsFailingIsGivenUpAndATestPingGoesOut() throws Exception {
        var made = mvc.perform(post("/admin/webhooks")
                        .param("url", url())
                        .param("events", "CHECK_IN_POSTED")
                        .with(user(admin))
                        .with(csrf()))
                .andReturn();
        UUID webhook = UUID.fromString(made.getResponse().getRedirectedUrl().replace("/admin/webhooks/", ""));
        String secret = (String) made.getFlashMap().get("secret");
        assertThat(secret).matches("[0-9a-f]{64}");
        String shown = send(get("/admin/webhooks/" + webhook).flashAttr("secret", secret), admin)
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(shown).contains(secret, "not shown again");
        assertThat(send(get("/admin/webhooks/" + webhook), admin).getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain(secret);

        assertThat(send(post("/admin/webhooks/" + webhook + "/ping"), admin).getStatus())
                .isEqualTo(302);
        for (int i = 0; i < 8; i++) {
            answers.add(503);
        }
        for (int attempt = 1; attempt <= 8; attempt++) {
            sender.sendDue();
            clock.advance(Duration.ofMinutes(1L << (attempt - 1)).plusSeconds(1));
        }
        assertThat(received).hasSize(8);
        assertThat(received.get(0).event()).isEqualTo("ping");
        signedWith(secret, received.get(0));
        assertThat(deliveries(webhook, "FAILED")).isEqualTo(1);
        sender.sendDue();
        assertThat(received).hasSize(8);
        assertThat(fixtures.jdbc()
                        .sql(
                                "select count(*) from webhook_attempt a join webhook_delivery d on d.district_id ="
                                        + " a.district_id and d.id = a.delivery_id where d.webhook_id = ? and a.status_code = 503")
                        .param(webhook)
                        .query(Integer.class)
                        .single())
                .isEqualTo(8);
        assertThat(send(get("/admin/webhooks/" + webhook), admin).getContentAsString(StandardCharsets.UTF_8))
                .contains("Given up", "HTTP 503");

        // switched off: nothing is written for it; deleted: gone with its deliveries
        send(post("/admin/webhooks/" + webhook + "/enabled").param("enabled", "false"), admin);
        UUID project = execution.addProject(planner, strategy, "Webhook off project", null);
        execution.checkIn(planner, "project", project, "ON_TRACK", "Quiet.", null, null);
        assertThat(deliveries(webhook, "PENDING")).isZero();
        assertThat(send(post("/admin/webhooks/" + webhook + "/delete"), admin).getRedirectedUrl())
                .isEqualTo("/admin/webhooks?deleted");
        assertThat(deliveries(webhook, "FAILED")).isZero();
    }

    @Test
    void badInputIsRefusedAndOnlyAdminsOfTheDistrictSeeOrGetAnything() throws Exception {
        MockHttpServletResponse refused =
                send(post("/admin/webhooks").param("url", "ftp://example.org/x").param("secret", "short"), admin);
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("The address must start with https://.", "A secret is 16 to 200 characters long.")
                .contains("Choose at least one event.");
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from webhook")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(send(get("/admin/webhooks"), planner).getStatus()).isEqualTo(403);
        assertThat(send(post("/admin/webhooks").param("url", url()).param("events", "CHECK_IN_POSTED"), planner)
                        .getStatus())
                .isEqualTo(403);

        UUID ours = register(admin, "our-district-secret-0001", "CHECK_IN_POSTED");
        SignedInUser outsider = fixtures.otherDistrictUser("DISTRICT_ADMIN");
        UUID theirs = register(outsider, "their-district-secret-01", "CHECK_IN_POSTED");
        assertThat(send(get("/admin/webhooks/" + ours), outsider).getStatus()).isEqualTo(404);
        assertThat(send(post("/admin/webhooks/" + ours + "/delete"), outsider).getStatus())
                .isEqualTo(404);
        assertThat(send(get("/admin/webhooks"), outsider).getContentAsString(StandardCharsets.UTF_8))
                .contains(theirs.toString())
                .doesNotContain(ours.toString());

        UUID project = execution.addProject(planner, strategy, "Webhook tenant project", null);
        execution.checkIn(planner, "project", project, "ON_TRACK", "Ours only.", null, null);
        assertThat(deliveries(ours, "PENDING")).isEqualTo(1);
        assertThat(deliveries(theirs, "PENDING")).isZero();
        sender.sendDue();
        assertThat(received).hasSize(1);
        signedWith("our-district-secret-0001", received.get(0));
        assertThat(received.get(0).body())
                .contains("Ours only.")
                .doesNotContain(outsider.districtId().toString());
        assertThat(received.get(0).body()).contains("\"districtId\":\"" + admin.districtId() + "\"");
    }
}
