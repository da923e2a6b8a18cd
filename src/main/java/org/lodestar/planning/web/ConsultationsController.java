package org.lodestar.planning.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.Consultation;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.domain.Consultations;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The stakeholders consulted on a plan: the list everyone reads, the form and removal for who may edit the plan. */
@Controller
class ConsultationsController {

    private static final int EARLIEST_YEAR = 1990;

    private final Consultations consultations;
    private final PlanningApi planning;

    ConsultationsController(Consultations consultations, PlanningApi planning) {
        this.consultations = consultations;
        this.planning = planning;
    }

    @GetMapping("/plans/{id}/consultations")
    String list(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("form", new ConsultationForm(null, null, null, null));
        return page(user, id, model);
    }

    @PostMapping("/plans/{id}/consultations")
    String record(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") ConsultationForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        PlanSummary plan = planning.plan(user.districtId(), id);
        org.lodestar.shared.ForbiddenException.unless(planning.canEdit(user, plan.id()));
        // a date typed with a wrong year (0205, 2205) is refused rather than kept as said
        if (form.heldOn() != null
                && (form.heldOn().getYear() < EARLIEST_YEAR
                        || form.heldOn().isAfter(LocalDate.now().plusYears(1)))) {
            errors.rejectValue("heldOn", "consultation.dateOutOfRange", new Object[] {EARLIEST_YEAR}, null);
        }
        if (errors.hasErrors()) {
            response.setStatus(422);
            return page(user, id, model);
        }
        consultations.record(
                user,
                new Consultation(
                        null,
                        id,
                        form.heldOn(),
                        form.audiences(),
                        form.participants(),
                        form.summary().strip(),
                        null));
        return "redirect:/plans/" + id + "/consultations";
    }

    @PostMapping("/plans/{id}/consultations/{consultation}/delete")
    String remove(@PathVariable UUID id, @PathVariable UUID consultation, @AuthenticationPrincipal SignedInUser user) {
        consultations.remove(user, id, consultation);
        return "redirect:/plans/" + id + "/consultations";
    }

    private String page(SignedInUser user, UUID planId, Model model) {
        PlanSummary plan = planning.plan(user.districtId(), planId);
        model.addAttribute("plan", plan);
        model.addAttribute("consultations", consultations.of(user.districtId(), planId));
        model.addAttribute("canEdit", planning.canEdit(user, planId));
        model.addAttribute("audiences", Consultation.Audience.values());
        return "planning/consultations";
    }

    record ConsultationForm(
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate heldOn,

            @NotEmpty List<Consultation.Audience> audiences,
            @Min(0) @Max(1_000_000) Integer participants,
            @NotBlank @Size(max = 2000) String summary) {}
}
