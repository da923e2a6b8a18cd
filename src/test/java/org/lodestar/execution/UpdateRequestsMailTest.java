package org.lodestar.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.Grant;
import org.lodestar.directory.Person;
import org.lodestar.directory.Role;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.execution.mail.MailDelivery;
import org.lodestar.execution.updates.UpdateRequests;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.Ids;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.lodestar.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Update requests, reminders, escalations and the weekly digest, written by the daily run as the clock moves and
 * delivered over real SMTP (GreenMail), in English and in Spanish (each person's own language), with the one-click
 * link to the item's check-in form; none twice for the same item and due day. A district of its own, so that the
 * mails are exactly those of its two items.
 */
@LodestarTest
class UpdateRequestsMailTest {

    /** Monday 2 March 2026: the items, never updated, fell due on 1 March (monthly). */
    private static final Instant MONDAY = Instant.parse("2026-03-02T07:00:00Z");

    @Autowired
    TestClock clock;

    @Autowired
    GreenMail smtp;

    @Autowired
    UpdateRequests requests;

    @Autowired
    MailDelivery delivery;

    @Autowired
    DirectoryApi directory;

    @Autowired
    PlanningApi planning;

    @Autowired
    ExecutionApi execution;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    private SignedInUser admin;
    private SignedInUser ownerEn;
    private UUID action;
    private UUID project;
    private UUID plan;
    private String slug;
    private String name;

    @BeforeEach
    void aDistrictWithTwoOwnersAndTwoPlanners() throws Exception {
        clock.set(MONDAY);
        slug = "mail-" + UUID.randomUUID().toString().substring(0, 8);
        name = "Mail Test District " + slug;
        admin = directory.createDistrict(
                name,
                slug,
                false,
                List.of(new StudentGroup("ALL", "All", "Todos", "ALL", 0)),
                "Mail Admin",
                "admin@" + slug + ".example",
                Fixtures.PASSWORD);
        ownerEn = person("owner.en", "Olive Owner", Role.CONTRIBUTOR, null);
        SignedInUser ownerEs = person("owner.es", "Óscar Dueño", Role.CONTRIBUTOR, "es");
        person("planner.en", "Paula Planner", Role.PLANNER, null);
        person("planner.es", "Pedro Planificador", Role.PLANNER, "es");
        plan = Ids.next();
        planning.savePlan(
                admin,
                new PlanSummary(
                        plan,
                        null,
                        PlanKind.STRATEGIC,
                        "Mail plan",
                        2025,
                        2029,
                        null,
                        null,
                        null,
                        null,
                        PlanStatus.DRAFT,
                        0));
        UUID goal = planning.addGoal(admin, plan, "Every student reads", null);
        action = planning.addStrategy(admin, goal, "Reading coaches in every school", ownerEn.userId());
        project = execution.addProject(admin, action, "Train the coaches", ownerEs.userId());
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void requestsRemindersEscalationsAndDigestsGoOutOnceInEachPersonsLanguage() throws Exception {
        // Monday: the requests (one per owner) and the planners' digest
        assertThat(requests.run(admin.districtId())).isEqualTo(new UpdateRequests.Run(2, 0, 0, 2));
        assertThat(requests.run(admin.districtId())).isEqualTo(new UpdateRequests.Run(0, 0, 0, 0));
        List<MailParts> monday = delivered();
        assertThat(monday).hasSize(4);

        MailParts request = to(monday, "owner.en");
        assertThat(request.subject()).isEqualTo("Update requested: 1 item in " + name);
        String actionLink = "http://localhost:8080/check-ins/new?item=action:" + action;
        assertThat(request.text())
                .contains(
                        "Hello Olive Owner,", "Reading coaches in every school (Action), due Mar 1, 2026", actionLink);
        assertThat(request.html())
                .contains("<html lang=\"en\">", "Reading coaches in every school", "href=\"" + actionLink + "\"");

        MailParts solicitud = to(monday, "owner.es");
        assertThat(solicitud.subject()).isEqualTo("Se solicita actualización: 1 elemento en " + name);
        String projectLink = "http://localhost:8080/check-ins/new?item=project:" + project;
        assertThat(solicitud.text())
                .contains("Hola, Óscar Dueño:", "Train the coaches (Proyecto), vence el 1 mar 2026", projectLink);
        assertThat(solicitud.html()).contains("<html lang=\"es\">", "href=\"" + projectLink + "\"");

        MailParts digest = to(monday, "planner.en");
        assertThat(digest.subject()).isEqualTo("Weekly digest: 2 items behind in " + name);
        assertThat(digest.text()).contains("Olive Owner: 1", "Óscar Dueño: 1", "No item changed status this week.");
        assertThat(digest.html()).contains("<li><span>Olive Owner</span>: <span>1</span></li>");
        MailParts resumen = to(monday, "planner.es");
        assertThat(resumen.subject()).isEqualTo("Resumen semanal: 2 elementos atrasados en " + name);
        assertThat(resumen.text()).contains("Quién va atrasado", "Ningún elemento cambió de estado esta semana.");

        // Tuesday: a reminder to each owner, once
        clock.advance(Duration.ofDays(1));
        assertThat(requests.run(admin.districtId())).isEqualTo(new UpdateRequests.Run(0, 2, 0, 0));
        assertThat(requests.run(admin.districtId())).isEqualTo(new UpdateRequests.Run(0, 0, 0, 0));
        List<MailParts> tuesday = delivered();
        assertThat(to(tuesday, "owner.en").subject()).isEqualTo("Reminder: 1 update due soon in " + name);
        assertThat(to(tuesday, "owner.en").text()).contains("A reminder from " + name, actionLink);
        assertThat(to(tuesday, "owner.en").html()).contains("href=\"" + actionLink + "\"");
        assertThat(to(tuesday, "owner.es").subject()).isEqualTo("Recordatorio: 1 actualización pendiente en " + name);
        assertThat(to(tuesday, "owner.es").text()).contains("Un recordatorio de " + name, projectLink);

        // Sunday 8 March, 7 days past the due day: the planners are told, once
        clock.set(MONDAY.plus(Duration.ofDays(6)));
        assertThat(requests.run(admin.districtId())).isEqualTo(new UpdateRequests.Run(0, 0, 2, 0));
        assertThat(requests.run(admin.districtId())).isEqualTo(new UpdateRequests.Run(0, 0, 0, 0));
        List<MailParts> sunday = delivered();
        MailParts escalation = to(sunday, "planner.en");
        assertThat(escalation.subject()).isEqualTo("Overdue updates: 2 items in " + name);
        assertThat(escalation.text())
                .contains(
                        "Reading coaches in every school (Action): Olive Owner, 7 days overdue (due Mar 1, 2026)",
                        "Train the coaches (Project): Óscar Dueño, 7 days overdue",
                        "http://localhost:8080/check-ins?item=project:" + project,
                        "http://localhost:8080/updates/behind");
        assertThat(escalation.html()).contains("href=\"http://localhost:8080/check-ins?item=action:" + action + "\"");
        MailParts aviso = to(sunday, "planner.es");
        assertThat(aviso.subject()).isEqualTo("Actualizaciones atrasadas: 2 elementos en " + name);
        assertThat(aviso.text()).contains("7 días de atraso (vencía el 1 mar 2026)");

        // the owner answers; next Monday's digest says what changed, and the action asks nothing until its next due day
        execution.checkIn(ownerEn, "action", action, "AT_RISK", "Two coaches hired of four.", null, null);
        clock.set(MONDAY.plus(Duration.ofDays(7)));
        assertThat(requests.run(admin.districtId())).isEqualTo(new UpdateRequests.Run(0, 0, 0, 2));
        MailParts nextDigest = to(delivered(), "planner.en");
        assertThat(nextDigest.subject()).isEqualTo("Weekly digest: 1 item behind in " + name);
        assertThat(nextDigest.text())
                .contains("Changed status this week", "Reading coaches in every school (Action): At risk, Olive Owner")
                .doesNotContain("Olive Owner: 1");
    }

    @Test
    void myWorkShowsWhatAwaitsTheOwnersUpdateUntilTheyAnswer() throws Exception {
        String before = myWork(ownerEn);
        assertThat(awaiting(before)).contains("Reading coaches in every school", "Never updated; expected monthly.");
        assertThat(awaiting(before)).doesNotContain("Train the coaches"); // another person's

        // the plan's tree says the same of each item
        assertThat(node(planPage(), "Reading coaches in every school")).contains("never updated", "update overdue");

        execution.checkIn(ownerEn, "action", action, "ON_TRACK", "All four coaches hired.", null, null);
        assertThat(node(planPage(), "Reading coaches in every school"))
                .contains("updated today")
                .doesNotContain("update overdue");
        assertThat(node(planPage(), "Train the coaches")).contains("never updated", "update overdue");
        assertThat(myWork(ownerEn))
                .contains("Nothing awaits your update.")
                .doesNotContain("data-test=\"awaiting-update\"");

        // three weeks on, the next monthly update is due within the week: it awaits them again, not yet behind
        clock.advance(Duration.ofDays(24));
        String later = myWork(ownerEn);
        assertThat(awaiting(later)).contains("Reading coaches in every school", "Update due", "Apr 1, 2026");
        assertThat(awaiting(later)).doesNotContain("No update for");

        // a long list shows its first 20 and the way to all of them
        UUID goal = planning.strategy(admin.districtId(), action).orElseThrow().goalId();
        for (int i = 1; i <= 21; i++) {
            planning.addStrategy(admin, goal, "Coaching circle " + i, ownerEn.userId());
        }
        String cut = myWork(ownerEn);
        assertThat(cut).contains("Showing 20 of 22: show all");
        assertThat(awaiting(cut).split("<li").length - 1).isEqualTo(20);
        String all = mvc.perform(get("/my-work").param("allAwaiting", "true").with(user(ownerEn)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(awaiting(all).split("<li").length - 1).isEqualTo(22);
        assertThat(all).doesNotContain("show all");
    }

    private String myWork(SignedInUser who) throws Exception {
        return mvc.perform(get("/my-work").with(user(who)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String planPage() throws Exception {
        return mvc.perform(get("/plans/" + plan).with(user(admin)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The plan tree's node of the item with this title, up to the next node. */
    private static String node(String page, String title) {
        int start = page.indexOf(">" + title + "<");
        assertThat(start).as(title + " in the plan's tree").isPositive();
        int end = page.indexOf("class=\"node\"", start);
        return page.substring(start, end < 0 ? page.length() : end);
    }

    private static String awaiting(String page) {
        int start = page.indexOf("data-test=\"awaiting-update\"");
        assertThat(start).as("the list of items awaiting an update").isPositive();
        return page.substring(start, page.indexOf("</ul>", start));
    }

    @Test
    void mailsWaitInTheOutboxWhichOnlyAdminsRead() throws Exception {
        requests.run(admin.districtId());
        int pending = fixtures.jdbc()
                .sql("select count(*) from mail_outbox where district_id = ? and status = 'PENDING'")
                .param(admin.districtId())
                .query(Integer.class)
                .single();
        assertThat(pending).isEqualTo(4);
        String outbox = mvc.perform(get("/admin/outbox").with(user(admin)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(outbox).contains("Update requested: 1 item in " + name, "owner.es@" + slug + ".example", "Waiting");
        UUID mail = fixtures.jdbc()
                .sql("select id from mail_outbox where district_id = ? and recipient like 'owner.en@%'")
                .param(admin.districtId())
                .query(UUID.class)
                .single();
        String one = mvc.perform(get("/admin/outbox/" + mail).with(user(admin)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // the HTML part is shown as its source, escaped: nothing of a mail runs in the admin's page
        assertThat(one)
                .contains("Hello Olive Owner,", "&lt;a href=&quot;http://localhost:8080/check-ins/new?item=action:");
        SignedInUser planner = fixtures.user("planner.en@" + slug + ".example");
        assertThat(mvc.perform(get("/admin/outbox").with(user(planner)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/admin/outbox/" + mail).with(user(planner)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        // another district's admin finds no such mail
        SignedInUser demoAdmin = fixtures.user("admin@lakeview.example");
        assertThat(mvc.perform(get("/admin/outbox/" + mail).with(user(demoAdmin)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    private SignedInUser person(String name, String displayName, Role role, String language) throws Exception {
        String email = name + "@" + slug + ".example";
        directory.addPerson(
                admin,
                new Person(Ids.next(), email, displayName, true, List.of(new Grant(role, null)), 0),
                Fixtures.PASSWORD);
        SignedInUser person = fixtures.user(email);
        if (language != null) {
            // each person chooses the language of their mail on their account page
            assertThat(mvc.perform(post("/account/mail-language")
                                    .param("language", "fr")
                                    .with(user(person))
                                    .with(csrf()))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(422);
            assertThat(mvc.perform(post("/account/mail-language")
                                    .param("language", language)
                                    .with(user(person))
                                    .with(csrf()))
                            .andReturn()
                            .getResponse()
                            .getRedirectedUrl())
                    .isEqualTo("/account?mailLanguageSaved");
        }
        return person;
    }

    /** Sends what is pending and returns this district's mails that arrived, then forgets them. */
    private List<MailParts> delivered() throws Exception {
        delivery.deliverPending();
        List<MailParts> mails = Arrays.stream(smtp.getReceivedMessages())
                .map(MailParts::of)
                .filter(mail -> mail.to().endsWith("@" + slug + ".example"))
                .toList();
        smtp.purgeEmailFromAllMailboxes();
        return mails;
    }

    private MailParts to(List<MailParts> mails, String who) {
        List<MailParts> theirs =
                mails.stream().filter(mail -> mail.to().startsWith(who + "@")).toList();
        assertThat(theirs)
                .as("mails to " + who + " among "
                        + mails.stream().map(MailParts::to).toList())
                .hasSize(1);
        return theirs.get(0);
    }
}
