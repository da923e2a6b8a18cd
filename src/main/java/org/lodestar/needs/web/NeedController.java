package org.lodestar.needs.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.needs.NeedSummary;
import org.lodestar.needs.domain.Need;
import org.lodestar.needs.domain.NeedCause;
import org.lodestar.needs.domain.NeedInputException;
import org.lodestar.needs.domain.NeedWork;
import org.lodestar.shared.EditConflict;
import org.lodestar.shared.EditConflictException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A need's page: its evidence, title and description, status, root cause (five whys or fishbone), the goals and actions
 * that answer it, and the themes of what stakeholders said about it.
 */
@Controller
class NeedController {

    private final NeedWork work;
    private final NeedPages pages;

    NeedController(NeedWork work, NeedPages pages) {
        this.work = work;
        this.pages = pages;
    }

    @GetMapping("/needs/{id}")
    String need(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Locale locale, Model model) {
        Need need = work.need(user, id);
        pages.need(user, need, locale, model);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    Map.of(
                            "title", need.title(),
                            "description", Objects.toString(need.description(), ""),
                            "version", need.version()));
        }
        return "needs/need";
    }

    /** Saves title and description; a stale save shows both versions (409) and keeps what was typed. */
    @PostMapping("/needs/{id}")
    String describe(
            @PathVariable UUID id,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) Integer version,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        Need need = work.need(user, id);
        try {
            work.describe(user, id, title, description, EditConflictException.versionRead(version));
            return "redirect:/needs/" + id + "?saved";
        } catch (NeedInputException e) {
            response.setStatus(422);
            model.addAttribute("errors", Map.of(e.field(), e.messageKey()));
            model.addAttribute("form", form(title, description, version == null ? -1 : version));
        } catch (EditConflictException e) {
            Need saved = work.need(user, id);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            Map<String, String> yours = new LinkedHashMap<>();
            yours.put("history.field.title", title);
            yours.put("need.history.description", description);
            Map<String, String> now = new LinkedHashMap<>();
            now.put("history.field.title", saved.title());
            now.put("need.history.description", saved.description());
            model.addAttribute("conflict", EditConflict.between(yours, now));
            // typed text stays; the version is the saved one, so saving again replaces deliberately
            model.addAttribute("form", form(title, description, saved.version()));
            need = saved;
        }
        return need(need.id(), user, locale, model);
    }

    @PostMapping("/needs/{id}/status")
    String status(
            @PathVariable UUID id,
            @RequestParam String status,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String back,
            @AuthenticationPrincipal SignedInUser user) {
        Need need = work.need(user, id);
        NeedSummary.Status to;
        try {
            to = NeedSummary.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new org.lodestar.shared.NotFoundException("status");
        }
        work.setStatus(user, id, to, EditConflictException.versionRead(version));
        return "assessment".equals(back)
                ? "redirect:/needs/assessments/" + need.assessmentId() + "#need-" + id
                : "redirect:/needs/" + id;
    }

    /** The root cause: method, then lines {@code category_i}, {@code why_i}, {@code because_i} (i = 1..6). */
    @PostMapping("/needs/{id}/causes")
    String causes(
            @PathVariable UUID id,
            @RequestParam Map<String, String> form,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        work.need(user, id);
        Need.CauseMethod method = null;
        try {
            method = Need.CauseMethod.valueOf(form.getOrDefault("method", ""));
        } catch (IllegalArgumentException ignored) {
            // reported as a missing method
        }
        List<NeedCause> lines = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            Need.CauseCategory category = null;
            try {
                String text = form.getOrDefault("category_" + i, "");
                category = text.isBlank() ? null : Need.CauseCategory.valueOf(text);
            } catch (IllegalArgumentException ignored) {
                // an unknown category counts as none
            }
            lines.add(new NeedCause(i, category, form.get("why_" + i), form.get("because_" + i)));
        }
        Integer version = null;
        try {
            version = Integer.valueOf(form.getOrDefault("version", ""));
        } catch (NumberFormatException ignored) {
            // read as no version: the save is refused as stale
        }
        try {
            work.writeCauses(user, id, method, lines, EditConflictException.versionRead(version));
            return "redirect:/needs/" + id + "?causeSaved#cause";
        } catch (NeedInputException e) {
            response.setStatus(422);
            model.addAttribute("errors", Map.of(e.field(), e.messageKey()));
        } catch (EditConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("causeConflict", true);
        }
        model.addAttribute("causes", lines);
        String result = need(id, user, locale, model);
        if (response.getStatus() == HttpServletResponse.SC_CONFLICT) {
            // the lines typed stay in the form, with the version saved now, so saving again replaces deliberately
            model.addAttribute("causeVersion", work.need(user, id).version());
        }
        return result;
    }

    @PostMapping("/needs/{id}/links")
    String link(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID item,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        work.need(user, id);
        try {
            if (item == null) {
                throw new NeedInputException("item", "need.error.item");
            }
            work.link(user, id, item);
            return "redirect:/needs/" + id + "#links";
        } catch (NeedInputException e) {
            response.setStatus(422);
            model.addAttribute("errors", Map.of(e.field(), e.messageKey()));
            return need(id, user, locale, model);
        }
    }

    @PostMapping("/needs/{id}/links/{item}/delete")
    String unlink(@PathVariable UUID id, @PathVariable UUID item, @AuthenticationPrincipal SignedInUser user) {
        work.need(user, id);
        work.unlink(user, id, item);
        return "redirect:/needs/" + id + "#links";
    }

    private static Map<String, Object> form(String title, String description, int version) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("title", Objects.toString(title, ""));
        form.put("description", Objects.toString(description, ""));
        form.put("version", version);
        return form;
    }
}
