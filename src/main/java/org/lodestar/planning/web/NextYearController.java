package org.lodestar.planning.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.domain.NextYearPlans;
import org.lodestar.shared.SchoolYear;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Next year's improvement plan from this year's: the form of what to keep, and the plan made from it. */
@Controller
class NextYearController {

    private final NextYearPlans nextYear;
    private final PlanningApi planning;

    NextYearController(NextYearPlans nextYear, PlanningApi planning) {
        this.nextYear = nextYear;
        this.planning = planning;
    }

    /** Everything is kept unless unticked; costs and tags too, since a plan carried forward mostly stays. */
    @GetMapping("/improvement-plans/{id}/next-year")
    String form(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        PlanSummary plan = nextYear.source(user, id);
        model.addAttribute("form", new KeepForm(plan.nextYearTitle(), null, null, null, true, true));
        return page(user, plan, model);
    }

    @PostMapping("/improvement-plans/{id}/next-year")
    String copy(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") KeepForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        PlanSummary plan = nextYear.source(user, id);
        if (errors.hasErrors()) {
            response.setStatus(422);
            return page(user, plan, model);
        }
        UUID next;
        try {
            next = nextYear.copyForward(
                    user,
                    id,
                    new NextYearPlans.Keep(
                            form.title().strip(),
                            ids(form.goals()),
                            ids(form.outcomes()),
                            ids(form.actions()),
                            Boolean.TRUE.equals(form.costs()),
                            Boolean.TRUE.equals(form.tags())));
        } catch (NextYearPlans.BeyondStrategicPlan past) {
            PlanSummary strategic = past.strategic();
            errors.reject("nextYear.beyondStrategicPlan", new Object[] {strategic.title(), strategic.years()}, null);
            response.setStatus(422);
            return page(user, plan, model);
        }
        return "redirect:/plans/" + next + "?mode=edit";
    }

    private String page(SignedInUser user, PlanSummary plan, Model model) {
        model.addAttribute("plan", plan);
        model.addAttribute("nextYear", new SchoolYear(plan.firstYear() + 1));
        model.addAttribute("nodes", planning.nodesOfPlan(user.districtId(), plan.id()));
        return "planning/improvement-next";
    }

    private static Set<UUID> ids(List<UUID> ids) {
        return ids == null ? Set.of() : new HashSet<>(ids);
    }

    /**
     * What the form sends: the title and the ids of what is kept (a box left unticked is not sent, so an unticked
     * "costs" or "tags" arrives as null); null lists on a new form mean everything is ticked.
     */
    record KeepForm(
            @NotBlank @Size(max = 200) String title,
            List<UUID> goals,
            List<UUID> outcomes,
            List<UUID> actions,
            Boolean costs,
            Boolean tags) {}
}
