package org.lodestar.planning.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.domain.ActionMerges;
import org.lodestar.planning.domain.ActionOverlaps;
import org.lodestar.planning.domain.ActionOverlaps.Overlaps;
import org.lodestar.shared.EditConflictException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Actions that say the same thing across the year's improvement plans (district and schools, across funds), listed as
 * pairs with their similarity, plans and costs, and merged in one step.
 */
@Controller
class OverlapsController {

    private final ActionOverlaps overlaps;
    private final ActionMerges merges;
    private final DirectoryApi directory;

    OverlapsController(ActionOverlaps overlaps, ActionMerges merges, DirectoryApi directory) {
        this.overlaps = overlaps;
        this.merges = merges;
        this.directory = directory;
    }

    @GetMapping("/improvement-plans/overlaps")
    String overlaps(
            @RequestParam(required = false) UUID plan,
            @RequestParam(required = false) Integer year,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        return page(user, plan, year, model);
    }

    /** Merges the pair as chosen: {@code merged} into {@code keep}, each at the version the page showed. */
    @PostMapping("/improvement-plans/overlaps/merge")
    String merge(
            @Valid @ModelAttribute MergeForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        if (errors.hasErrors() || form.keep().equals(form.merged())) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("refused", "overlaps.refused");
            return page(user, form.plan(), form.year(), model);
        }
        try {
            merges.merge(user, form.keep(), form.keepVersion(), form.merged(), form.mergedVersion());
        } catch (EditConflictException conflict) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("refused", "overlaps.stale");
            return page(user, form.plan(), form.year(), model);
        }
        return "redirect:/actions/" + form.keep() + "?merged";
    }

    private String page(SignedInUser user, UUID plan, Integer year, Model model) {
        Overlaps found = plan != null
                ? overlaps.ofPlan(user, plan)
                : overlaps.ofYear(user, year != null ? year : currentYear(user));
        model.addAttribute("overlaps", found);
        model.addAttribute("schools", directory.schoolsById(user.districtId()));
        return "planning/overlaps";
    }

    private int currentYear(SignedInUser user) {
        return directory
                .district(user.districtId())
                .schoolYearOf(LocalDate.now())
                .startYear();
    }

    record MergeForm(
            @NotNull UUID keep,
            @NotNull Integer keepVersion,
            @NotNull UUID merged,
            @NotNull Integer mergedVersion,
            UUID plan,
            @Min(1990) @Max(2100) Integer year) {}
}
