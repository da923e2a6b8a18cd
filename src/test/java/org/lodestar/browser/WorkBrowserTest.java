package org.lodestar.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.lodestar.support.Browser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A planner who owns no task yet adds a project in the plan's tree, gives it tasks, a milestone and a dependency (a
 * circle refused), then sees them on the timeline and moves their cards on the board by mouse and by keyboard, the order
 * kept after a reload; a teacher reads her own work.
 */
@LodestarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    private Browser browser;
    private Page page;
    private final String project =
            "Family reading nights " + UUID.randomUUID().toString().substring(0, 4);

    @BeforeAll
    void open() {
        browser = new Browser(port);
        fixtures.demoUser("work-owner@lakeview.example", "PLANNER", null);
        page = browser.signedIn("work-owner@lakeview.example", Fixtures.PASSWORD);
    }

    @AfterAll
    void close() {
        // the refused entries answer 422, which the browser reports; nothing else may be
        assertThat(browser.consoleErrors())
                .allSatisfy(error -> assertThat(error).contains("422"));
        browser.close();
    }

    private void addTask(String title, String start, String due, boolean milestone) {
        page.locator("summary[data-test=add-task]").click();
        Locator form = page.locator("form[data-test=task-form]");
        form.locator("input[name=title]").fill(title);
        if (milestone) {
            form.locator("input[name=milestone]").check();
        } else {
            form.locator("input[name=startDate]").fill(start);
        }
        form.locator("input[name=dueDate]").fill(due);
        form.locator("select[name=owner]").selectOption(new SelectOption().setLabel("work-owner@lakeview.example"));
        form.locator("button[type=submit]").click();
        assertThat(page.locator("[data-test=tasks]")).containsText(title);
    }

    @Test
    @Order(1)
    void aPlannerAddsAProjectWithTasksAMilestoneAndADependency() {
        UUID plan =
                fixtures.any("select id from plan where district_id = ? and school_id is null and kind = 'STRATEGIC'");
        page.navigate("/plans/" + plan + "?mode=edit");
        // the demo strategic plan is adopted: its edit mode first asks why it changes
        Browser.giveReasonIfAsked(page, "The board added a family literacy night to the reading strategy.");
        page.locator("summary[data-open-add=project]").first().click();
        Locator add = page.locator("form[data-add=project]").first();
        add.locator("input[name=title]").fill(project);
        add.locator("button[type=submit]").click();
        page.locator("#tree a.title", new Page.LocatorOptions().setHasText(project))
                .click();
        assertThat(page.locator("h1")).hasText(project);

        LocalDate today = LocalDate.now();
        addTask(
                "Book the library",
                today.minusDays(10).toString(),
                today.plusDays(5).toString(),
                false);
        addTask(
                "Send invitations home",
                today.plusDays(6).toString(),
                today.plusDays(20).toString(),
                false);
        addTask("First reading night", null, today.plusDays(25).toString(), true);

        // a due date before the start is refused at its field, nothing added
        page.locator("summary[data-test=add-task]").click();
        Locator form = page.locator("form[data-test=task-form]");
        form.locator("input[name=title]").fill("Backwards");
        form.locator("input[name=startDate]").fill("2026-05-02");
        form.locator("input[name=dueDate]").fill("2026-05-01");
        form.locator("button[type=submit]").click();
        assertThat(page.locator("[data-test=due-error]")).hasText("The due date cannot come before the start.");
        assertThat(page.locator("[data-test=tasks]")).not().containsText("Backwards");

        // the invitations wait for the booking; the booking waiting for the invitations would be a circle
        page.locator("[data-test=tasks] a", new Page.LocatorOptions().setHasText("Send invitations home"))
                .click();
        page.locator("[data-test=dependency-form] select")
                .selectOption(new SelectOption().setLabel("Book the library"));
        page.locator("[data-test=dependency-form] button").click();
        assertThat(page.locator("[data-test=dependencies]")).containsText("Book the library");
        page.locator("[data-test=dependencies] a", new Page.LocatorOptions().setHasText("Book the library"))
                .click();
        page.locator("[data-test=dependency-form] select")
                .selectOption(new SelectOption().setLabel("Send invitations home"));
        page.locator("[data-test=dependency-form] button").click();
        assertThat(page.locator("[data-test=dependency-error]"))
                .containsText("Book the library → Send invitations home → Book the library");

        page.locator("[data-test=task-project]").click();
        assertThat(page.locator("[data-test=waits-for]").nth(1)).hasText("Book the library");
        assertThat(page.locator("[data-test=progress-percent]")).hasText("0% done");
        page.locator("textarea[name=body]").fill("The library is free on Thursdays.");
        page.locator("[data-test=comment-form] button").click();
        assertThat(page.locator("[data-test=comments]")).containsText("The library is free on Thursdays.");
        Browser.screenshot(page, "project");
    }

    @Test
    @Order(2)
    void theTimelineDrawsBarsTheDependencyAndToday() {
        page.navigate("/work/timeline?owner=me");
        Locator svg = page.locator("svg[data-test=timeline]");
        assertThat(svg.locator("[data-test=bar]")).hasCount(2);
        assertThat(svg.locator("[data-test=milestone]")).hasCount(1);
        assertThat(svg.locator("path[data-test=dependency]")).hasCount(1);
        assertThat(svg.locator("[data-test=today] line")).hasCount(1);
        // the invitations' bar starts after the booking's ends, and the arrow runs between them
        double bookingEnd = Double.parseDouble(
                        svg.locator("[data-test=bar]").nth(0).getAttribute("x"))
                + Double.parseDouble(svg.locator("[data-test=bar]").nth(0).getAttribute("width"));
        double invitationsStart =
                Double.parseDouble(svg.locator("[data-test=bar]").nth(1).getAttribute("x"));
        assertThat(invitationsStart).isGreaterThanOrEqualTo(bookingEnd);
        assertThat(svg.locator("path[data-test=dependency]").getAttribute("d"))
                .startsWith("M " + String.format("%.1f", bookingEnd));
        Browser.screenshot(page, "work-timeline");
    }

    @Test
    @Order(3)
    void cardsMoveByMouseAndByKeyboardAndKeepTheirOrder() {
        page.navigate("/work/board?owner=me");
        Locator notStarted = page.locator("[data-column=NOT_STARTED] [data-card]");
        assertThat(notStarted).hasCount(3);

        // by mouse: the booking's card dragged onto the "on track" column
        page.locator("[data-card]", new Page.LocatorOptions().setHasText("Book the library"))
                .dragTo(page.locator("[data-column=ON_TRACK] ol"));
        assertThat(page.locator("[data-column=ON_TRACK] [data-card]")).containsText(new String[] {"Book the library"});
        assertThat(notStarted).hasCount(2);
        // the board settles after the swap and then gives focus to the dropped card: wait for it, or the focus given
        // below to another card's control is taken back before Enter is pressed (as on a slow, loaded machine)
        assertThat(page.locator("[data-moved]")).isFocused();

        // by keyboard: the milestone's "down"/"up" controls and its status select, without the mouse
        Locator cards = page.locator("[data-column=NOT_STARTED] .card-title");
        assertThat(cards).hasText(new String[] {"Send invitations home", "First reading night"});
        page.locator("[data-card]", new Page.LocatorOptions().setHasText("Send invitations home"))
                .locator("[data-move-kind=down] button")
                .focus();
        page.keyboard().press("Enter");
        assertThat(cards).hasText(new String[] {"First reading night", "Send invitations home"});
        // focus stays on the moved card, so it can be moved again from the keyboard
        assertThat(page.locator("[data-moved]")).containsText("Send invitations home");

        page.reload();
        assertThat(cards).hasText(new String[] {"First reading night", "Send invitations home"});

        Locator select = page.locator("[data-card]", new Page.LocatorOptions().setHasText("First reading night"))
                .locator("select[name=to]");
        select.focus();
        select.selectOption("AT_RISK");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.locator("[data-column=AT_RISK] .card-title"))
                .containsText(new String[] {"First reading night"});
        page.reload();
        assertThat(page.locator("[data-column=AT_RISK] .card-title"))
                .containsText(new String[] {"First reading night"});
        Browser.screenshot(page, "work-board");

        page.navigate("/work/board?owner=me&lang=es");
        assertThat(page.locator("h1")).hasText("Tablero de trabajo");
        assertThat(page.locator("[data-column=ON_TRACK] h2")).containsText("En buen camino");
        Browser.screenshot(page, "work-board-es");
        page.navigate("/work?lang=en");
        assertThat(page.locator("[data-test=work-list]")).containsText("Book the library");
        assertThat(page.locator("[data-test=work-list]")).containsText("Background checks for 12 volunteers");
        assertThat(page.locator("[data-test=work-list] [data-test=blocked]").first())
                .isVisible();
        Browser.screenshot(page, "work-list");
    }

    @Test
    @Order(4)
    void aTeacherReadsHerOwnWorkAndTheGoalShowsItsExecutionProgress() {
        Page teacher = browser.signedIn("teacher@lakeview.example", Fixtures.PASSWORD);
        teacher.navigate("/my-work");
        assertThat(teacher.locator("h1")).hasText("My work");
        assertThat(teacher.locator("[data-test=group-OVERDUE]")).containsText("Background checks for 12 volunteers");
        assertThat(teacher.locator("[data-test=group-OVERDUE] [data-test=blocked]"))
                .isVisible();
        assertThat(teacher.locator("[data-test=group-LATER]"))
                .containsText("Train teachers to run intervention groups");
        Browser.screenshot(teacher, "my-work");

        teacher.locator("a", new Page.LocatorOptions().setHasText("Recruit and train reading volunteers"))
                .first()
                .click();
        assertThat(teacher.locator("[data-test=progress-percent]")).isVisible();
        teacher.locator("[data-test=tasks] a", new Page.LocatorOptions().setHasText("Background checks"))
                .click();
        // its owner reports on it: status and percent, not its title
        assertThat(teacher.locator("form[data-test=task-form] input[name=title]"))
                .hasCount(0);
        teacher.locator("form[data-test=task-form] input[name=percent]").fill("60");
        teacher.locator("form[data-test=task-form] button[type=submit]").click();
        assertThat(teacher.getByText("60%")).isVisible();

        teacher.locator("[data-test=task-project]").click();
        teacher.locator("hgroup a").nth(1).click();
        assertThat(teacher.locator("[data-test=goal-rollup]")).containsText("Execution progress");
        assertThat(teacher.locator("[data-test=action-rollup]").first()).containsText("% done");
        teacher.context().close();
    }

    @Test
    @Order(5)
    void theWorkPagesMeetWcagAa() {
        for (String path : new String[] {"/work", "/work/board", "/work/timeline", "/my-work"}) {
            assertThat(browser.accessibilityViolationsSignedIn(path, "teacher@lakeview.example", Fixtures.PASSWORD))
                    .as(path)
                    .isEmpty();
        }
        assertThat(browser.accessibilityViolationsSignedIn(
                        "/projects/"
                                + fixtures.any(
                                        "select project_id from task where district_id = ? and title = 'Background checks for 12 volunteers'"),
                        "principal@lakeview.example",
                        Fixtures.PASSWORD))
                .isEmpty();
    }
}
