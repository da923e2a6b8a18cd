package org.lodestar.planning.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.domain.PlanVersions;
import org.lodestar.shared.ForbiddenException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A plan's versions and change log, the comparison of two versions, and the reason asked before an adopted plan's
 * edit mode opens (kept for the rest of the session, so one sitting of changes gives one reason).
 */
@Controller
class PlanVersionsController {

    /** The plans this session gave a reason to change: a set of plan ids in the session. */
    private static final String REASONS_GIVEN = "lodestar.planChangeReasons";

    private final PlanVersions versions;
    private final PlanningApi planning;

    PlanVersionsController(PlanVersions versions, PlanningApi planning) {
        this.versions = versions;
        this.planning = planning;
    }

    /** Whether edit mode of the plan must ask why first: it is adopted and this session has not said why yet. */
    static boolean reasonWanted(PlanVersions versions, SignedInUser user, UUID planId, HttpSession session) {
        return !given(session, planId) && versions.needsReason(user.districtId(), planId);
    }

    /** The same, from the plan as read already. */
    static boolean reasonWanted(PlanSummary plan, HttpSession session) {
        return plan.status() == PlanStatus.ADOPTED && !given(session, plan.id());
    }

    private static boolean given(HttpSession session, UUID planId) {
        return session != null && session.getAttribute(REASONS_GIVEN) instanceof Set<?> plans && plans.contains(planId);
    }

    @GetMapping("/plans/{id}/versions")
    String list(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        PlanSummary plan = planning.plan(user.districtId(), id);
        model.addAttribute("plan", plan);
        model.addAttribute("versions", versions.versions(user.districtId(), id));
        model.addAttribute("changes", versions.changes(user.districtId(), id));
        return "planning/versions";
    }

    /** Version {@code from} beside version {@code to}; without {@code to}, beside the plan as it is now. */
    @GetMapping("/plans/{id}/versions/compare")
    String compare(
            @PathVariable UUID id,
            @RequestParam int from,
            @RequestParam(required = false) Integer to,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        model.addAttribute("plan", planning.plan(user.districtId(), id));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("comparison", versions.compare(user.districtId(), id, from, to));
        return "planning/version-compare";
    }

    /** The reason's form; {@code then}, a goal's or an action's page, is where it goes on to instead of edit mode. */
    @GetMapping("/plans/{id}/reason")
    String reasonForm(
            @PathVariable UUID id,
            @RequestParam(required = false) String then,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        model.addAttribute("form", new ReasonForm(null));
        model.addAttribute("then", ReasonFirst.back(then));
        return reasonPage(user, id, model);
    }

    @PostMapping("/plans/{id}/reason")
    String giveReason(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") ReasonForm form,
            BindingResult errors,
            @RequestParam(required = false) String then,
            @AuthenticationPrincipal SignedInUser user,
            HttpSession session,
            HttpServletResponse response,
            Model model) {
        ForbiddenException.unless(planning.canEdit(user, id));
        String back = ReasonFirst.back(then);
        String next = back != null ? "redirect:" + back : "redirect:/plans/" + id + "?mode=edit";
        if (!versions.needsReason(user.districtId(), id)) {
            return next;
        }
        if (errors.hasErrors()) {
            response.setStatus(422);
            model.addAttribute("then", back);
            return reasonPage(user, id, model);
        }
        versions.revise(user, id, form.reason());
        Set<UUID> given = new HashSet<>();
        if (session.getAttribute(REASONS_GIVEN) instanceof Set<?> before) {
            before.forEach(plan -> given.add((UUID) plan));
        }
        given.add(id);
        session.setAttribute(REASONS_GIVEN, given);
        return next;
    }

    private String reasonPage(SignedInUser user, UUID id, Model model) {
        PlanSummary plan = planning.plan(user.districtId(), id);
        ForbiddenException.unless(planning.canEdit(user, id));
        model.addAttribute("plan", plan);
        model.addAttribute("maxReason", PlanVersions.MAX_REASON);
        return "planning/plan-reason";
    }

    record ReasonForm(
            @NotBlank @Size(max = PlanVersions.MAX_REASON) String reason) {}
}
