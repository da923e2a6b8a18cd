package org.lodestar.planning.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.domain.ImprovementPlans;
import org.lodestar.planning.domain.ImprovementPlans.ActionInPlan;
import org.lodestar.planning.raci.ActionRacis;
import org.lodestar.planning.raci.Raci;
import org.lodestar.planning.raci.RaciEntry;
import org.lodestar.planning.raci.RaciRole;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An action's RACI chart, read on its page and changed there with a small form (htmx swaps the part; without script the
 * form posts and the action's page comes back), and the leadership view: who is accountable for what, by person and by
 * school, in the plans the reader may see.
 */
@Controller
class RaciController {

    /** The form's value for the letters of the person chosen in its "add a person" row. */
    static final String NEW = "new";

    private final ActionRacis racis;
    private final RaciView view;
    private final ImprovementPlans actions;
    private final DirectoryApi directory;

    RaciController(ActionRacis racis, RaciView view, ImprovementPlans actions, DirectoryApi directory) {
        this.racis = racis;
        this.view = view;
        this.actions = actions;
        this.directory = directory;
    }

    @GetMapping("/actions/{id}/raci")
    String chart(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        ActionInPlan action = actions.action(user, id);
        model.addAttribute("raci", view.of(user, id, action.editable()));
        model.addAttribute("action", action);
        return "planning/action-raci :: raci";
    }

    @PostMapping("/actions/{id}/raci")
    String save(
            @PathVariable UUID id,
            @RequestParam(name = "r", required = false) List<String> r,
            @RequestParam(name = "a", required = false) List<String> a,
            @RequestParam(name = "c", required = false) List<String> c,
            @RequestParam(name = "i", required = false) List<String> i,
            @RequestParam(required = false) String newPerson,
            @RequestParam(required = false) Integer version,
            @AuthenticationPrincipal SignedInUser user,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        // who may change the action's plan is checked before anything sent is read
        ActionInPlan action = actions.action(user, id);
        ForbiddenException.unless(action.editable());
        model.addAttribute("action", action);
        int read = EditConflictException.versionRead(version);
        Map<RaciRole, List<String>> sent = new LinkedHashMap<>();
        sent.put(RaciRole.RESPONSIBLE, r);
        sent.put(RaciRole.ACCOUNTABLE, a);
        sent.put(RaciRole.CONSULTED, c);
        sent.put(RaciRole.INFORMED, i);
        Map<UUID, EnumSet<RaciRole>> letters = new LinkedHashMap<>();
        String error = null;
        for (Map.Entry<RaciRole, List<String>> entry : sent.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            if (entry.getValue().size() > ActionRacis.MAX_PEOPLE) {
                error = "raci.tooMany";
                break;
            }
            for (String value : entry.getValue()) {
                UUID person = NEW.equals(value) ? uuid(newPerson) : uuid(value);
                if (person == null) {
                    error = NEW.equals(value) ? "raci.choosePerson" : "raci.unknownPerson";
                    break;
                }
                letters.computeIfAbsent(person, p -> EnumSet.noneOf(RaciRole.class))
                        .add(entry.getKey());
            }
        }
        List<RaciEntry> entries = new ArrayList<>();
        letters.forEach((person, roles) -> entries.add(new RaciEntry(person, roles)));
        if (error == null && entries.size() > ActionRacis.MAX_PEOPLE) {
            error = "raci.tooMany";
        }
        if (error == null && !directory.namesById(user.districtId()).keySet().containsAll(letters.keySet())) {
            error = "raci.unknownPerson";
        }
        if (error != null) {
            List<RaciEntry> shown = "raci.unknownPerson".equals(error) || "raci.tooMany".equals(error)
                    ? racis.raci(user, id).entries()
                    : entries;
            model.addAttribute("raci", view.part(user, id, shown, Math.max(read, 0), true, null, error));
            return refused(htmx, response, 422);
        }
        try {
            racis.save(user, id, entries, read);
        } catch (EditConflictException conflict) {
            Raci saved = racis.raci(user, id);
            model.addAttribute(
                    "raci",
                    view.part(user, id, entries, saved.version(), true, view.conflict(user, entries, saved), null));
            return refused(htmx, response, HttpServletResponse.SC_CONFLICT);
        }
        if (htmx == null) {
            return "redirect:/actions/" + id + "?raciSaved#raci";
        }
        model.addAttribute("raci", view.of(user, id, true));
        model.addAttribute("raciSaved", true);
        return "planning/action-raci :: raci";
    }

    /**
     * A refused save: htmx swaps only successful and 409 answers, so a refused entry comes back as the part (200) with its
     * message; without script, the whole page with the status.
     */
    private static String refused(String htmx, HttpServletResponse response, int status) {
        if (htmx != null) {
            if (status == HttpServletResponse.SC_CONFLICT) {
                response.setStatus(status);
            }
            return "planning/action-raci :: raci";
        }
        response.setStatus(status);
        return "planning/action-raci";
    }

    @GetMapping("/leadership")
    String leadership(
            @RequestParam(required = false) String plan,
            @RequestParam(required = false) Integer year,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        Integer schoolYear = year != null && year >= 1990 && year <= 2100 ? year : null;
        model.addAttribute("view", racis.leadership(user, uuid(plan), schoolYear));
        return "planning/leadership";
    }

    private static UUID uuid(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
