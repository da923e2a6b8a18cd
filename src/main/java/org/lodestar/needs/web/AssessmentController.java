package org.lodestar.needs.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.School;
import org.lodestar.directory.SignedInUser;
import org.lodestar.needs.Assessment;
import org.lodestar.needs.CnaArea;
import org.lodestar.needs.domain.NeedInputException;
import org.lodestar.needs.domain.NeedWork;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.SchoolYear;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Needs assessments: the list (and starting one), and an assessment's page: its data by area with the gaps, the
 * candidate needs the data suggests, and the needs the team took, confirmed, merged and prioritized.
 */
@Controller
class AssessmentController {

    private final NeedWork work;
    private final NeedPages pages;
    private final DirectoryApi directory;
    private final java.time.Clock clock;

    AssessmentController(NeedWork work, NeedPages pages, DirectoryApi directory, java.time.Clock clock) {
        this.work = work;
        this.pages = pages;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/needs")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        List<Assessment> assessments = work.assessments(user);
        Map<UUID, String> names = new HashMap<>();
        directory.schoolsById(user.districtId()).forEach((id, school) -> names.put(id, school.name()));
        model.addAttribute("assessments", assessments);
        model.addAttribute("schoolNames", names);
        model.addAttribute("yearLabels", NeedPages.YEAR_LABELS);
        model.addAttribute(
                "startSchools",
                directory.schools(user.districtId()).stream()
                        .filter(s -> user.canLeadSchool(s.id()))
                        .map(School::id)
                        .toList());
        int current = SchoolYear.containing(java.time.LocalDate.now(clock), 7).startYear();
        model.addAttribute(
                "years",
                List.of(current + 1, current, current - 1).stream()
                        .map(y -> Map.of("value", y, "label", SchoolYear.of(y).toString()))
                        .toList());
        model.addAttribute("currentYear", current);
        if (!model.containsAttribute("entered")) {
            model.addAttribute("entered", Map.of());
        }
        return "needs/needs";
    }

    @PostMapping("/needs/assessments")
    String start(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) Integer schoolYear,
            @RequestParam(required = false) String title,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            HttpServletResponse response) {
        ForbiddenException.unless(NeedWork.mayAssess(user));
        UUID schoolId = school == null || school.isBlank() || "DISTRICT".equals(school) ? null : parse(school);
        try {
            UUID id = work.start(user, schoolId, schoolYear, title);
            return "redirect:/needs/assessments/" + id;
        } catch (NeedInputException e) {
            response.setStatus(422);
            model.addAttribute("errors", Map.of(e.field(), e.messageKey()));
            Map<String, String> entered = new HashMap<>();
            entered.put("school", school == null ? "" : school);
            entered.put("title", title == null ? "" : title);
            entered.put("schoolYear", schoolYear == null ? "" : schoolYear.toString());
            model.addAttribute("entered", entered);
            return list(user, model);
        }
    }

    @GetMapping("/needs/assessments/{id}")
    String assessment(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Locale locale, Model model) {
        Assessment assessment = work.assessment(user, id);
        pages.assessment(user, assessment, locale, model);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "needs/assessment";
    }

    /** Takes a suggested candidate as a need, confirmed or kept as a candidate. */
    @PostMapping("/needs/assessments/{id}/candidates")
    String take(
            @PathVariable UUID id,
            @RequestParam String key,
            @RequestParam(defaultValue = "false") boolean confirm,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale) {
        work.assessment(user, id);
        UUID need = work.take(user, id, key, confirm, locale);
        return "redirect:/needs/assessments/" + id + "#need-" + need;
    }

    /** Adds a need the team wrote (what the data does not hold: family engagement heard in conversations). */
    @PostMapping("/needs/assessments/{id}/needs")
    String add(
            @PathVariable UUID id,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String area,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        work.assessment(user, id);
        CnaArea parsed = null;
        try {
            parsed = area == null ? null : CnaArea.valueOf(area);
        } catch (IllegalArgumentException ignored) {
            // reported below as a missing area
        }
        try {
            work.add(user, id, title, null, parsed, false);
            return "redirect:/needs/assessments/" + id + "#needs";
        } catch (NeedInputException e) {
            return refused(id, e, Map.of("title", title == null ? "" : title), user, locale, model, response);
        }
    }

    @PostMapping("/needs/assessments/{id}/merge")
    String merge(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID keep,
            @RequestParam(required = false) UUID merge,
            @RequestParam Map<String, String> form,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        work.assessment(user, id);
        try {
            work.merge(user, id, keep, version(form, keep), merge, version(form, merge));
            return "redirect:/needs/assessments/" + id + "#needs";
        } catch (NeedInputException e) {
            return refused(id, e, Map.of(), user, locale, model, response);
        }
    }

    /** Priorities typed beside the confirmed needs ({@code p_<need id>=1}). */
    @PostMapping("/needs/assessments/{id}/priorities")
    String priorities(
            @PathVariable UUID id,
            @RequestParam Map<String, String> form,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        work.assessment(user, id);
        Map<UUID, String> entered = new HashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("p_")) {
                UUID need = parse(name.substring(2));
                if (need != null) {
                    entered.put(need, value);
                }
            }
        });
        try {
            work.prioritize(user, id, entered);
            return "redirect:/needs/assessments/" + id + "?prioritized#needs";
        } catch (NeedInputException e) {
            return refused(id, e, form, user, locale, model, response);
        }
    }

    private String refused(
            UUID id,
            NeedInputException e,
            Map<String, String> entered,
            SignedInUser user,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        response.setStatus(422);
        model.addAttribute("errors", Map.of(e.field(), e.messageKey()));
        model.addAttribute("entered", entered);
        return assessment(id, user, locale, model);
    }

    private static int version(Map<String, String> form, UUID need) {
        String text = need == null ? null : form.get("v_" + need);
        try {
            return EditConflictException.versionRead(text == null ? null : Integer.valueOf(text.strip()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static UUID parse(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
