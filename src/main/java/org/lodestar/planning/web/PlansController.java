package org.lodestar.planning.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanTranslation;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.domain.PlanEditing;
import org.lodestar.planning.domain.PlanVersions;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.Ids;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The list of plans, a plan's page and its form. (Its tree is edited in place: {@link TreeController}.) */
@Controller
class PlansController {

    private final PlanningApi planning;
    private final PlanEditing editing;
    private final DirectoryApi directory;
    private final PlanPage page;
    private final Conflicts conflicts;
    private final PlanVersions versions;

    PlansController(
            PlanningApi planning,
            PlanEditing editing,
            DirectoryApi directory,
            PlanPage page,
            Conflicts conflicts,
            PlanVersions versions) {
        this.planning = planning;
        this.editing = editing;
        this.directory = directory;
        this.page = page;
        this.conflicts = conflicts;
        this.versions = versions;
    }

    @GetMapping("/plans")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("plans", planning.plans(user.districtId()));
        model.addAttribute("schools", directory.schoolsById(user.districtId()));
        return "planning/plans";
    }

    @GetMapping("/plans/new")
    String create(
            @RequestParam(required = false) UUID school, @AuthenticationPrincipal SignedInUser user, Model model) {
        ForbiddenException.unless(school == null ? user.canPlanForDistrict() : user.canLeadSchool(school));
        int year = directory
                .district(user.districtId())
                .schoolYearOf(LocalDate.now())
                .startYear();
        PlanKind kind = school == null ? PlanKind.STRATEGIC : PlanKind.IMPROVEMENT;
        model.addAttribute(
                "form",
                new PlanForm(null, school, kind, "", year, year + 4, "", "", "", "", "", "", "", PlanStatus.DRAFT, 0));
        return planForm(user, model);
    }

    @GetMapping("/plans/{id}/edit")
    String edit(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, HttpSession session, Model model) {
        PlanSummary plan = planning.plan(user.districtId(), id);
        ForbiddenException.unless(editing.canEdit(user, plan));
        if (PlanVersionsController.reasonWanted(versions, user, id, session)) {
            return "redirect:/plans/" + id + "/reason";
        }
        model.addAttribute("form", PlanForm.of(plan));
        return planForm(user, model);
    }

    /**
     * Saves the form; a plan someone saved since the form was opened is not overwritten: the form comes back (409) with
     * the person's entries beside the saved ones and the saved version, so saving again replaces it deliberately.
     */
    @PostMapping("/plans")
    String save(
            @Valid @ModelAttribute("form") PlanForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            HttpSession session,
            Locale locale,
            Model model) {
        // an adopted plan is changed only after its reason is given (the form is reached that way)
        if (form.id() != null && PlanVersionsController.reasonWanted(versions, user, form.id(), session)) {
            return "redirect:/plans/" + form.id() + "/reason";
        }
        if (form.firstYear() != null && form.lastYear() != null && form.lastYear() < form.firstYear()) {
            errors.rejectValue("lastYear", "planning.plan.yearsOutOfOrder");
        }
        if (form.schoolId() != null
                && directory.school(user.districtId(), form.schoolId()).isEmpty()) {
            errors.rejectValue("schoolId", "planning.plan.unknownSchool");
        }
        if (errors.hasErrors()) {
            return planForm(user, model);
        }
        PlanSummary plan = form.plan(form.id() == null ? Ids.next() : form.id());
        if (form.id() != null) {
            planning.plan(user.districtId(), form.id());
        }
        try {
            editing.savePlan(user, plan);
        } catch (EditConflictException conflict) {
            PlanSummary saved = planning.plan(user.districtId(), plan.id());
            model.addAttribute("conflict", conflicts.plan(saved, plan, locale));
            model.addAttribute("form", form.at(saved.version()));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return planForm(user, model);
        }
        // a new plan is to be built, a changed one was changed from edit mode: both go on in edit mode; a plan
        // adopted by this save is done (changing it further starts with a reason)
        return plan.status() == PlanStatus.ADOPTED
                        && PlanVersionsController.reasonWanted(versions, user, plan.id(), session)
                ? "redirect:/plans/" + plan.id()
                : "redirect:/plans/" + plan.id() + "?mode=edit";
    }

    /** The reading view, or with {@code mode=edit} the edit mode for those who may edit (see {@link PlanPage}). */
    @GetMapping("/plans/{id}")
    String show(
            @PathVariable UUID id,
            @RequestParam(required = false) String mode,
            @AuthenticationPrincipal SignedInUser user,
            HttpSession session,
            Model model) {
        return page.page(
                user, id, "edit".equals(mode), plan -> PlanVersionsController.reasonWanted(plan, session), model);
    }

    @GetMapping("/plans/{id}/review")
    String review(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        return page.review(user, id, model);
    }

    private String planForm(SignedInUser user, Model model) {
        model.addAttribute("schools", directory.schools(user.districtId()));
        return "planning/plan-form";
    }

    /** @param version the version of the plan the form was filled from (0 for a new one) */
    record PlanForm(
            UUID id,
            UUID schoolId,
            @NotNull PlanKind kind,
            @NotBlank @Size(max = 200) String title,
            @NotNull @Min(1990) @Max(2100) Integer firstYear,
            @NotNull @Min(1990) @Max(2100) Integer lastYear,
            @Size(max = 2000) String vision,
            @Size(max = 2000) String mission,
            @Size(max = 2000) String coreValues,
            @Size(max = 200) String titleTranslation,
            @Size(max = 2000) String visionTranslation,
            @Size(max = 2000) String missionTranslation,
            @Size(max = 2000) String coreValuesTranslation,
            @NotNull PlanStatus status,
            @NotNull Integer version) {

        static PlanForm of(PlanSummary plan) {
            return new PlanForm(
                    plan.id(),
                    plan.schoolId(),
                    plan.kind(),
                    plan.title(),
                    plan.firstYear(),
                    plan.lastYear(),
                    plan.vision(),
                    plan.mission(),
                    plan.coreValues(),
                    plan.translation().title(),
                    plan.translation().vision(),
                    plan.translation().mission(),
                    plan.translation().coreValues(),
                    plan.status(),
                    plan.version());
        }

        PlanSummary plan(UUID planId) {
            return new PlanSummary(
                    planId,
                    schoolId,
                    kind,
                    title.strip(),
                    firstYear,
                    lastYear,
                    vision,
                    mission,
                    coreValues,
                    new PlanTranslation(titleTranslation, visionTranslation, missionTranslation, coreValuesTranslation),
                    status,
                    version);
        }

        /** The same entries, to be saved over the plan as it is saved now. */
        PlanForm at(int savedVersion) {
            return new PlanForm(
                    id,
                    schoolId,
                    kind,
                    title,
                    firstYear,
                    lastYear,
                    vision,
                    mission,
                    coreValues,
                    titleTranslation,
                    visionTranslation,
                    missionTranslation,
                    coreValuesTranslation,
                    status,
                    savedVersion);
        }
    }
}
