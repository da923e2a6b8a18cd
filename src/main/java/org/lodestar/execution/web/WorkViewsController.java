package org.lodestar.execution.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.ExecutionApi;
import org.lodestar.execution.Project;
import org.lodestar.execution.ProjectStatus;
import org.lodestar.execution.WorkFilter;
import org.lodestar.execution.WorkItem;
import org.lodestar.execution.domain.TaskEditing;
import org.lodestar.execution.domain.WorkViews;
import org.lodestar.execution.rules.WorkDates;
import org.lodestar.execution.updates.Freshness;
import org.lodestar.execution.updates.ItemFreshness;
import org.lodestar.planning.Goal;
import org.lodestar.planning.PlanSummary;
import org.lodestar.shared.EditConflictException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The district's tasks and milestones three ways, narrowed by the same filters (goal, school, owner, status, due from
 * and to), each from one reading of the tasks: a list, a board by status (cards moved by dragging or by each card's
 * own controls, the order kept), and a timeline; and a person's own work.
 */
@Controller
class WorkViewsController {

    private final WorkViews views;
    private final TaskEditing editing;
    private final ExecutionApi execution;
    private final DirectoryApi directory;
    private final Freshness freshness;
    private final Clock clock;

    WorkViewsController(
            WorkViews views,
            TaskEditing editing,
            ExecutionApi execution,
            DirectoryApi directory,
            Freshness freshness,
            Clock clock) {
        this.views = views;
        this.editing = editing;
        this.execution = execution;
        this.directory = directory;
        this.freshness = freshness;
        this.clock = clock;
    }

    /** The filters as typed (bound from the parameters of the same names), any refused date named, and the query string that keeps them across links. */
    record Filters(String goal, String school, String owner, String status, String dueFrom, String dueTo) {

        public boolean dueFromRefused() {
            return !WorkDates.valid(dueFrom);
        }

        public boolean dueToRefused() {
            return !WorkDates.valid(dueTo);
        }

        WorkFilter filter(UUID me) {
            return new WorkFilter(
                    uuid(goal),
                    uuid(school),
                    "me".equals(owner) ? me : uuid(owner),
                    status == null || status.isBlank() ? null : parseStatus(status),
                    WorkDates.read(dueFrom).orElse(null),
                    WorkDates.read(dueTo).orElse(null),
                    null);
        }

        String query() {
            UriComponentsBuilder query = UriComponentsBuilder.newInstance();
            add(query, "goal", goal);
            add(query, "school", school);
            add(query, "owner", owner);
            add(query, "status", status);
            add(query, "dueFrom", dueFrom);
            add(query, "dueTo", dueTo);
            String text = query.build().encode().toUriString();
            return text.startsWith("?") ? text.substring(1) : text;
        }

        private static void add(UriComponentsBuilder query, String name, String value) {
            if (value != null && !value.isBlank()) {
                query.queryParam(name, value);
            }
        }

        private static UUID uuid(String text) {
            try {
                return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
            } catch (IllegalArgumentException notAnId) {
                return null;
            }
        }

        private static ProjectStatus parseStatus(String text) {
            try {
                return ProjectStatus.valueOf(text);
            } catch (IllegalArgumentException unknown) {
                return null;
            }
        }
    }

    @GetMapping("/work")
    String list(Filters filters, @AuthenticationPrincipal SignedInUser user, Model model) {
        read(user, filters, model);
        return "execution/work-list";
    }

    @GetMapping("/work/board")
    String board(
            Filters filters,
            @RequestParam(required = false) UUID moved,
            @RequestParam(defaultValue = "0") int cards,
            @AuthenticationPrincipal SignedInUser user,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        board(user, filters, moved, cards, model);
        return htmx == null ? "execution/work-board" : "execution/work-board :: board";
    }

    /**
     * Moves a card into a column ({@code to}), just before the card {@code before} or after the card {@code after}
     * (neither: at the column's end), then shows the board again with its filters (htmx: the board alone).
     */
    @PostMapping("/work/board/move")
    String move(
            @RequestParam UUID task,
            @RequestParam ProjectStatus to,
            @RequestParam(required = false) UUID before,
            @RequestParam(required = false) UUID after,
            @RequestParam int version,
            Filters filters,
            @RequestParam(defaultValue = "0") int cards,
            @AuthenticationPrincipal SignedInUser user,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        try {
            editing.place(user, task, to, before, after, version);
        } catch (EditConflictException conflict) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("moveConflict", true);
            board(user, filters, task, cards, model);
            return htmx == null ? "execution/work-board" : "execution/work-board :: board";
        }
        if (htmx == null) {
            String query = filters.query();
            return "redirect:/work/board?" + (query.isEmpty() ? "" : query + "&")
                    + (cards > CARDS_PER_COLUMN ? "cards=" + cards + "&" : "") + "moved=" + task;
        }
        board(user, filters, task, cards, model);
        return "execution/work-board :: board";
    }

    @GetMapping("/work/timeline")
    String timeline(Filters filters, @AuthenticationPrincipal SignedInUser user, Model model) {
        List<WorkItem> items = read(user, filters, model);
        List<WorkItem> ordered = new ArrayList<>(items);
        ordered.sort(Comparator.comparing(
                        (WorkItem item) -> item.task().startDate() != null
                                ? item.task().startDate()
                                : item.task().dueDate(),
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(item -> item.task().title()));
        model.addAttribute("timeline", TimelineLayout.of(ordered, LocalDate.now(clock)));
        return "execution/work-timeline";
    }

    /** The parts of "my work", in their order. */
    enum MyWorkGroup {
        OVERDUE,
        THIS_WEEK,
        LATER,
        DONE
    }

    /**
     * What the signed-in person owns: the actions, projects and KPIs awaiting their update, then tasks overdue, due
     * this week (to Sunday), later or undated, and done.
     */
    /** How many of the items awaiting the person's update "my work" lists before "show all". */
    static final int AWAITING_SHOWN = 20;

    @GetMapping("/my-work")
    String mine(
            @RequestParam(defaultValue = "false") boolean allAwaiting,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<WorkItem> items = views.items(user.districtId(), WorkFilter.ALL.ownedBy(user.userId()));
        Map<MyWorkGroup, List<WorkItem>> groups = new LinkedHashMap<>();
        for (MyWorkGroup group : MyWorkGroup.values()) {
            groups.put(group, new ArrayList<>());
        }
        for (WorkItem item : items) {
            var task = item.task();
            MyWorkGroup group = task.done()
                    ? MyWorkGroup.DONE
                    : task.overdueOn(today)
                            ? MyWorkGroup.OVERDUE
                            : task.dueDate() != null && !task.dueDate().isAfter(sunday)
                                    ? MyWorkGroup.THIS_WEEK
                                    : MyWorkGroup.LATER;
            groups.get(group).add(item);
        }
        groups.values()
                .forEach(list -> list.sort(Comparator.comparing(
                        (WorkItem item) -> item.task().dueDate(), Comparator.nullsLast(Comparator.naturalOrder()))));
        List<Project> owned = execution.projects(user.districtId()).stream()
                .filter(project -> user.userId().equals(project.ownerId()))
                .toList();
        model.addAttribute("groups", groups);
        List<ItemFreshness> awaiting = freshness.awaiting(user.districtId(), user.userId());
        model.addAttribute(
                "awaiting", allAwaiting ? awaiting : awaiting.subList(0, Math.min(awaiting.size(), AWAITING_SHOWN)));
        model.addAttribute("awaitingTotal", awaiting.size());
        model.addAttribute("district", directory.district(user.districtId()));
        model.addAttribute("ownedProjects", owned);
        model.addAttribute("today", today);
        model.addAttribute("sunday", sunday);
        return "execution/my-work";
    }

    /** How many cards a column shows at first, and how many more each "show more" adds. */
    static final int CARDS_PER_COLUMN = 50;

    /** The most a column shows however many are asked for: a board is read, not scrolled through by the thousand. */
    static final int MOST_CARDS_PER_COLUMN = 1000;

    /** A column of the board: its first cards (a card just moved always among them) and how many it has in all. */
    record Column(ProjectStatus status, List<WorkItem> cards, int total) {

        public boolean cut() {
            return cards.size() < total;
        }
    }

    /**
     * The board: each column's first cards, {@code cards} of them (at least {@link #CARDS_PER_COLUMN}), so that a
     * school of hundreds of tasks gets a page that draws quickly; each cut column links to more.
     */
    private void board(SignedInUser user, Filters filters, UUID moved, int cards, Model model) {
        int shown = Math.min(Math.max(cards, CARDS_PER_COLUMN), MOST_CARDS_PER_COLUMN);
        List<WorkItem> items = read(user, filters, model);
        Map<ProjectStatus, List<WorkItem>> byStatus = new LinkedHashMap<>();
        for (ProjectStatus status : ProjectStatus.values()) {
            byStatus.put(status, new ArrayList<>());
        }
        items.forEach(item -> byStatus.get(item.task().status()).add(item));
        List<Column> columns = new ArrayList<>();
        byStatus.forEach((status, all) -> {
            int cut = Math.min(all.size(), shown);
            for (int i = cut; i < all.size(); i++) {
                if (all.get(i).task().id().equals(moved)) {
                    cut = i + 1;
                }
            }
            columns.add(new Column(status, all.subList(0, cut), all.size()));
        });
        String query = filters.query();
        model.addAttribute("columns", columns);
        model.addAttribute("moved", moved);
        model.addAttribute("cards", shown);
        model.addAttribute(
                "moreCards",
                "/work/board?" + (query.isEmpty() ? "" : query + "&") + "cards=" + (shown + CARDS_PER_COLUMN));
    }

    private List<WorkItem> read(SignedInUser user, Filters filters, Model model) {
        UUID district = user.districtId();
        WorkViews.Places places = views.places(district);
        List<WorkItem> items = views.items(district, filters.filter(user.userId()), places);
        Map<UUID, String> schools = new LinkedHashMap<>();
        directory.schools(district).forEach(school -> schools.put(school.id(), school.name()));
        Map<UUID, PlanSummary> plans = places.plans();
        List<Goal> goals = places.goals().values().stream()
                .sorted(Comparator.comparing(
                                (Goal goal) -> plans.get(goal.planId()).title())
                        .thenComparingInt(Goal::position))
                .toList();
        model.addAttribute("items", items);
        model.addAttribute("filters", filters);
        model.addAttribute("query", filters.query());
        model.addAttribute("goals", goals);
        model.addAttribute("plans", plans);
        model.addAttribute("schools", schools);
        model.addAttribute("people", directory.people(district));
        model.addAttribute("owners", directory.namesById(district));
        model.addAttribute("statuses", ProjectStatus.values());
        model.addAttribute("today", LocalDate.now(clock));
        return items;
    }
}
