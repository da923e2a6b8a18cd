package org.lodestar.execution.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.ExecutionApi;
import org.lodestar.execution.ProjectStatus;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A person makes a calendar feed on their account, and a calendar program reads it without signing in: the tasks they
 * own, the milestones of their projects and their projects' due dates, parsed back from the iCalendar text; another
 * person's and another district's items never appear; a revoked or replaced link answers 404.
 */
@LodestarTest
class CalendarFeedTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ExecutionApi execution;

    private SignedInUser planner;
    private SignedInUser teacher;
    private UUID strategy;

    @BeforeEach
    void people() {
        planner = fixtures.user("planner@lakeview.example");
        teacher = fixtures.user("teacher@lakeview.example");
        strategy = fixtures.any("""
                select s.id from strategy s join goal g on g.district_id = s.district_id and g.id = s.goal_id
                join plan p on p.district_id = g.district_id and p.id = g.plan_id
                where s.district_id = ? and p.school_id is null and s.removed_at is null and g.removed_at is null""");
    }

    /** Makes the person's feed on the account page; returns the link's path. */
    private String makeFeed(SignedInUser as) throws Exception {
        var made = mvc.perform(post("/account/calendar").with(user(as)).with(csrf()))
                .andReturn();
        assertThat(made.getResponse().getRedirectedUrl()).isEqualTo("/account/calendar");
        String url = (String) made.getFlashMap().get("feedUrl");
        assertThat(url).matches("http://localhost/calendar/[A-Za-z0-9_-]{43}\\.ics");
        return url.replace("http://localhost", "");
    }

    /** The feed read without signing in. */
    private MockHttpServletResponse read(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse();
    }

    /** The events of an iCalendar text: unfolded, each a map of its properties (name without parameters). */
    static List<Map<String, String>> events(String feed) {
        List<Map<String, String>> events = new ArrayList<>();
        Map<String, String> event = null;
        for (String line : feed.replace("\r\n ", "").split("\r\n")) {
            if (line.equals("BEGIN:VEVENT")) {
                event = new HashMap<>();
            } else if (line.equals("END:VEVENT")) {
                events.add(event);
                event = null;
            } else if (event != null) {
                int colon = line.indexOf(':');
                String name = line.substring(0, colon);
                event.put(name.contains(";") ? name.substring(0, name.indexOf(';')) : name, line.substring(colon + 1));
            }
        }
        return events;
    }

    @Test
    void theFeedListsThePersonsDatedWorkAndNothingElse() throws Exception {
        // titles of this run only: other tests give the same teacher tasks of their own
        String taskTitle = "Teacher's task " + UUID.randomUUID().toString().substring(0, 8);
        UUID project = execution.addProject(planner, strategy, "Calendar project, phase 1", teacher.userId());
        execution.setDueDate(
                planner,
                project,
                LocalDate.now().plusMonths(2),
                execution.project(planner.districtId(), project).orElseThrow().version());
        execution.addTask(
                planner,
                project,
                taskTitle,
                teacher.userId(),
                null,
                LocalDate.now().plusDays(10),
                ProjectStatus.NOT_STARTED,
                0,
                false);
        execution.addTask(
                planner,
                project,
                "Launch day",
                null,
                null,
                LocalDate.now().plusDays(20),
                ProjectStatus.NOT_STARTED,
                0,
                true);
        execution.addTask(
                planner,
                project,
                "Planner's own task",
                planner.userId(),
                null,
                LocalDate.now().plusDays(5),
                ProjectStatus.NOT_STARTED,
                0,
                false);
        SignedInUser outsider = fixtures.otherDistrictUser("DISTRICT_ADMIN");

        String path = makeFeed(teacher);
        MockHttpServletResponse feed = read(path);
        assertThat(feed.getStatus()).isEqualTo(200);
        assertThat(feed.getContentType()).startsWith("text/calendar");
        String text = feed.getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        List<Map<String, String>> events = events(text);
        assertThat(events)
                .extracting(e -> e.get("SUMMARY"))
                .contains("Due: " + taskTitle, "Milestone: Launch day", "Project due: Calendar project\\, phase 1")
                .doesNotContain("Due: Planner's own task");
        Map<String, String> task = events.stream()
                .filter(e -> e.get("SUMMARY").equals("Due: " + taskTitle))
                .findFirst()
                .orElseThrow();
        assertThat(task.get("DTSTART"))
                .isEqualTo(LocalDate.now().plusDays(10).toString().replace("-", ""));
        assertThat(task.get("UID")).endsWith("@lodestar");
        assertThat(task.get("DTSTAMP")).matches("\\d{8}T\\d{6}Z");
        assertThat(task.get("DESCRIPTION")).isEqualTo("Project: Calendar project\\, phase 1");

        // another district's person sees only their own (here: nothing of this district)
        String theirs = read(makeFeed(outsider)).getContentAsString(StandardCharsets.UTF_8);
        assertThat(theirs).contains("BEGIN:VCALENDAR").doesNotContain(taskTitle, "Launch day");

        // a new link replaces the old; a revoked one answers 404; a made-up one too
        String second = makeFeed(teacher);
        assertThat(read(path).getStatus()).isEqualTo(404);
        assertThat(read(second).getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/account/calendar").with(user(teacher)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("You have a calendar feed");
        mvc.perform(post("/account/calendar/revoke").with(user(teacher)).with(csrf()));
        assertThat(read(second).getStatus()).isEqualTo(404);
        assertThat(read("/calendar/" + "A".repeat(43) + ".ics").getStatus()).isEqualTo(404);
        assertThat(read("/calendar/nonsense").getStatus()).isEqualTo(404);
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from calendar_feed where user_id = ?")
                        .param(teacher.userId())
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
