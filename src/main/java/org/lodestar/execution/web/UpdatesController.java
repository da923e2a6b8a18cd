package org.lodestar.execution.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.School;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.updates.Cadence;
import org.lodestar.execution.updates.Freshness;
import org.lodestar.execution.updates.ItemFreshness;
import org.lodestar.execution.updates.UpdateSettings;
import org.lodestar.execution.updates.UpdateSettingsEditing;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Who is behind" for planners: the items past their cadence counted by school and by person, each count linking to
 * its items; and the district's update cadences, set by its admins.
 */
@Controller
class UpdatesController {

    private final Freshness freshness;
    private final UpdateSettingsEditing settings;
    private final DirectoryApi directory;

    UpdatesController(Freshness freshness, UpdateSettingsEditing settings, DirectoryApi directory) {
        this.freshness = freshness;
        this.settings = settings;
        this.directory = directory;
    }

    /** A row of counts: who or where, how many items are behind, of how many. */
    record Row(String key, String name, long behind, long items) {}

    @GetMapping("/updates/behind")
    String behind(
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String school,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        ForbiddenException.unless(user.canPlanForDistrict());
        List<ItemFreshness> all = freshness.all(user.districtId());
        Map<UUID, String> names = directory.namesById(user.districtId());
        Map<UUID, School> schools = directory.schoolsById(user.districtId());
        model.addAttribute("byPerson", rows(all, item -> key(item.item().ownerId()), key -> {
            UUID id = key.isEmpty() ? null : UUID.fromString(key);
            return id == null ? null : names.getOrDefault(id, "");
        }));
        model.addAttribute(
                "bySchool",
                rows(
                        all,
                        item -> key(item.item().schoolId()),
                        key -> key.isEmpty()
                                ? null
                                : schools.containsKey(UUID.fromString(key))
                                        ? schools.get(UUID.fromString(key)).name()
                                        : ""));
        List<ItemFreshness> listed = all.stream()
                .filter(ItemFreshness::behind)
                .filter(item -> owner == null || owner.equals(key(item.item().ownerId())))
                .filter(item -> school == null || school.equals(key(item.item().schoolId())))
                .sorted(Comparator.comparing((ItemFreshness item) -> !item.neverUpdated())
                        .thenComparing(Comparator.comparingLong(ItemFreshness::daysSince)
                                .reversed()))
                .toList();
        model.addAttribute("listed", listed);
        model.addAttribute("filtered", owner != null || school != null);
        model.addAttribute(
                "filterName",
                owner != null
                        ? (owner.isEmpty() ? null : names.get(parse(owner)))
                        : school != null && !school.isEmpty() ? nameOf(schools, school) : null);
        model.addAttribute("names", names);
        model.addAttribute("schools", schools);
        model.addAttribute(
                "behindCount", all.stream().filter(ItemFreshness::behind).count());
        model.addAttribute("total", all.size());
        return "execution/behind";
    }

    @GetMapping("/updates/settings")
    String settings(@AuthenticationPrincipal SignedInUser user, Model model) {
        ForbiddenException.unless(user.isAdmin());
        return settingsPage(settings.of(user.districtId()), model);
    }

    @PostMapping("/updates/settings")
    String save(
            @RequestParam(defaultValue = "") String actions,
            @RequestParam(defaultValue = "") String projects,
            @RequestParam(defaultValue = "") String kpis,
            @RequestParam(defaultValue = "") String reminderDays,
            @RequestParam(defaultValue = "") String escalationDays,
            @RequestParam(defaultValue = "0") String version,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        ForbiddenException.unless(user.isAdmin());
        Map<String, String> errors = new LinkedHashMap<>();
        Cadence a = cadence(actions, "actions", errors);
        Cadence p = cadence(projects, "projects", errors);
        Cadence k = cadence(kpis, "kpis", errors);
        int reminder = days(reminderDays, 0, 30, "reminderDays", errors);
        int escalation = days(escalationDays, 1, 90, "escalationDays", errors);
        int read = days(version, 0, Integer.MAX_VALUE, "version", errors);
        if (!errors.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("errors", errors);
            model.addAttribute("typed", Map.of("reminderDays", reminderDays, "escalationDays", escalationDays));
            return settingsPage(settings.of(user.districtId()), model);
        }
        try {
            settings.save(user, new UpdateSettings(a, p, k, reminder, escalation, read));
        } catch (EditConflictException conflict) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("stale", true);
            return settingsPage(settings.of(user.districtId()), model);
        }
        return "redirect:/updates/settings?saved";
    }

    private String settingsPage(UpdateSettings current, Model model) {
        model.addAttribute("settings", current);
        model.addAttribute(
                "values",
                Map.of(
                        "actions", current.actions(),
                        "projects", current.projects(),
                        "kpis", current.kpis(),
                        "reminderDays", current.reminderDays(),
                        "escalationDays", current.escalationDays()));
        model.addAttribute("cadences", Cadence.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "execution/update-settings";
    }

    private static Cadence cadence(String text, String field, Map<String, String> errors) {
        try {
            return Cadence.valueOf(text);
        } catch (IllegalArgumentException notOne) {
            errors.put(field, "updates.error.cadence");
            return Cadence.OFF;
        }
    }

    private static int days(String text, int min, int max, String field, Map<String, String> errors) {
        try {
            int days = Integer.parseInt(text.strip());
            if (days >= min && days <= max) {
                return days;
            }
        } catch (NumberFormatException notOne) {
            // reported below
        }
        errors.put(field, "updates.error." + field);
        return 0;
    }

    private static List<Row> rows(
            List<ItemFreshness> all,
            java.util.function.Function<ItemFreshness, String> keyOf,
            java.util.function.Function<String, String> nameOf) {
        Map<String, List<ItemFreshness>> grouped = all.stream().collect(Collectors.groupingBy(keyOf));
        return grouped.entrySet().stream()
                .map(e -> new Row(
                        e.getKey(),
                        nameOf.apply(e.getKey()),
                        e.getValue().stream().filter(ItemFreshness::behind).count(),
                        e.getValue().size()))
                .filter(row -> row.behind() > 0)
                .sorted(Comparator.comparingLong(Row::behind)
                        .reversed()
                        .thenComparing(row -> row.name() == null ? "" : row.name()))
                .toList();
    }

    private static String key(UUID id) {
        return id == null ? "" : id.toString();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notOne) {
            return null;
        }
    }

    private static String nameOf(Map<UUID, School> schools, String id) {
        UUID parsed = parse(id);
        return parsed != null && schools.containsKey(parsed)
                ? schools.get(parsed).name()
                : null;
    }
}
