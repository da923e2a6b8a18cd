package org.lodestar.planning.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.planning.ActionDetail;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.compliance.EvidenceTier;
import org.lodestar.planning.compliance.Purpose;
import org.lodestar.planning.domain.ActionMerges;
import org.lodestar.planning.domain.ComplianceCoverage;
import org.lodestar.planning.domain.ComplianceFrameworks;
import org.lodestar.planning.domain.FundingSources;
import org.lodestar.planning.domain.ImprovementPlans;
import org.lodestar.planning.domain.ImprovementPlans.ActionInPlan;
import org.lodestar.shared.EditConflict;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.lodestar.shared.SchoolYear;
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
 * Annual improvement plans: made from the strategic plan in one step, and their actions with dates, people,
 * resources, needs, evidence, groups served, costs by fund and the required-plan components they satisfy.
 */
@Controller
class ImprovementController {

    private final ImprovementPlans improvement;
    private final ComplianceCoverage coverage;
    private final ComplianceFrameworks frameworks;
    private final PlanningApi planning;
    private final DirectoryApi directory;
    private final ActionMerges merges;
    private final FundingSources funds;
    private final FundNames fundNames;
    private final ItemContexts contexts;

    ImprovementController(
            ImprovementPlans improvement,
            ComplianceCoverage coverage,
            ComplianceFrameworks frameworks,
            PlanningApi planning,
            DirectoryApi directory,
            ActionMerges merges,
            FundingSources funds,
            FundNames fundNames,
            ItemContexts contexts) {
        this.contexts = contexts;
        this.improvement = improvement;
        this.coverage = coverage;
        this.frameworks = frameworks;
        this.planning = planning;
        this.directory = directory;
        this.merges = merges;
        this.funds = funds;
        this.fundNames = fundNames;
    }

    @GetMapping("/improvement-plans/new")
    String start(
            @RequestParam(required = false) UUID school,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale,
            Model model) {
        ForbiddenException.unless(school == null ? user.canPlanForDistrict() : user.canLeadSchool(school));
        PlanSummary strategic = planning.districtStrategicPlan(user.districtId())
                .orElseThrow(() -> new NotFoundException("strategic plan"));
        int year = directory
                .district(user.districtId())
                .schoolYearOf(LocalDate.now())
                .startYear();
        model.addAttribute("form", new StartForm(school, year, defaultTitle(user, school, year, locale), null, null));
        return startPage(user, strategic, model);
    }

    @PostMapping("/improvement-plans")
    String create(
            @Valid @ModelAttribute("form") StartForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        ForbiddenException.unless(
                form.school() == null ? user.canPlanForDistrict() : user.canLeadSchool(form.school()));
        PlanSummary strategic = planning.districtStrategicPlan(user.districtId())
                .orElseThrow(() -> new NotFoundException("strategic plan"));
        if (form.school() != null
                && directory.school(user.districtId(), form.school()).isEmpty()) {
            throw new NotFoundException("school");
        }
        if (form.year() != null && (form.year() < strategic.firstYear() || form.year() > strategic.lastYear())) {
            errors.rejectValue("year", "improvement.yearOutsidePlan", new Object[] {strategic.years()}, null);
        }
        if (errors.hasErrors()) {
            response.setStatus(422);
            return startPage(user, strategic, model);
        }
        UUID plan = improvement.create(
                user,
                new ImprovementPlans.Start(
                        strategic.id(),
                        form.school(),
                        form.year(),
                        form.title().strip(),
                        form.goals() == null ? Set.of() : new HashSet<>(form.goals()),
                        form.strategies() == null ? Set.of() : new HashSet<>(form.strategies())));
        return "redirect:/plans/" + plan + "?mode=edit";
    }

    /** The action's page; an adopted plan's asks why first (see {@link ReasonFirst}) before it offers its forms. */
    @GetMapping("/actions/{id}")
    String action(
            @PathVariable UUID id,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale,
            HttpSession session,
            Model model) {
        var merged = merges.merged(user.districtId(), id);
        if (merged.isPresent()) {
            model.addAttribute("merged", merged.get());
            return "planning/action-merged";
        }
        ActionInPlan action = improvement.action(user, id);
        if (action.editable() && PlanVersionsController.reasonWanted(action.plan(), session)) {
            model.addAttribute("reasonFirst", "/actions/" + id);
            action = new ActionInPlan(action.strategy(), action.plan(), action.detail(), action.costs(), false);
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", DetailForm.of(action.detail()));
        }
        return actionPage(user, action, locale, model);
    }

    @PostMapping("/actions/{id}")
    String saveAction(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") DetailForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale,
            HttpServletResponse response,
            Model model) {
        ActionInPlan action = improvement.action(user, id);
        ForbiddenException.unless(action.editable());
        if (form.start() != null && form.end() != null && form.end().isBefore(form.start())) {
            errors.rejectValue("end", "improvement.endBeforeStart");
        }
        Set<UUID> people = new HashSet<>();
        directory.people(user.districtId()).forEach(person -> people.add(person.id()));
        if (form.people() != null && !people.containsAll(form.people())) {
            errors.rejectValue("people", "improvement.unknownPerson");
        }
        Set<String> groups = new HashSet<>();
        directory.studentGroups(user.districtId()).forEach(group -> groups.add(group.code()));
        if (form.groups() != null && !groups.containsAll(form.groups())) {
            errors.rejectValue("groups", "improvement.unknownGroup");
        }
        if (errors.hasErrors()) {
            response.setStatus(422);
            return actionPage(user, action, locale, model);
        }
        try {
            improvement.saveDetail(user, form.detail(id));
        } catch (EditConflictException conflict) {
            ActionInPlan now = improvement.action(user, id);
            model.addAttribute(
                    "conflict",
                    EditConflict.between(
                            form.shown(), DetailForm.of(now.detail()).shown()));
            model.addAttribute("form", form.at(now.detail().version()));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return actionPage(user, now, locale, model);
        }
        return "redirect:/actions/" + id + "?saved";
    }

    @PostMapping("/actions/{id}/costs")
    String addCost(
            @PathVariable UUID id,
            @Valid @ModelAttribute("cost") CostForm cost,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale,
            HttpServletResponse response,
            Model model) {
        ActionInPlan action = improvement.action(user, id);
        ForbiddenException.unless(action.editable());
        if (!errors.hasFieldErrors("fund") && !funds.offers(user.districtId(), cost.fund())) {
            errors.rejectValue("fund", "improvement.unknownFund");
        }
        if (errors.hasErrors()) {
            response.setStatus(422);
            model.addAttribute("form", DetailForm.of(action.detail()));
            return actionPage(user, action, locale, model);
        }
        improvement.addCost(user, id, cost.fund(), cost.purpose(), cost.amount());
        return "redirect:/actions/" + id + "#costs";
    }

    @PostMapping("/actions/{id}/costs/{cost}/delete")
    String removeCost(@PathVariable UUID id, @PathVariable UUID cost, @AuthenticationPrincipal SignedInUser user) {
        improvement.removeCost(user, id, cost);
        return "redirect:/actions/" + id + "#costs";
    }

    /** Tags an item with "framework|component", as the component list offers them. */
    @PostMapping("/items/{id}/tags")
    String tag(
            @PathVariable UUID id,
            @RequestParam String component,
            @RequestParam(defaultValue = "false") boolean remove,
            @RequestParam(required = false) UUID goal,
            @AuthenticationPrincipal SignedInUser user) {
        String[] parts = component.split("\\|", 2);
        if (parts.length != 2) {
            throw new NotFoundException("component");
        }
        if (remove) {
            coverage.untag(user, id, parts[0], parts[1]);
        } else {
            coverage.tag(user, id, parts[0], parts[1]);
        }
        // a goal's or outcome's tags are changed from the goal page, an action's from its own
        return goal == null ? "redirect:/actions/" + id + "#tags" : "redirect:/goals/" + goal + "#tags-" + id;
    }

    private String startPage(SignedInUser user, PlanSummary strategic, Model model) {
        model.addAttribute("strategic", strategic);
        model.addAttribute("nodes", planning.nodesOfPlan(user.districtId(), strategic.id()));
        model.addAttribute("schools", directory.schoolsById(user.districtId()));
        return "planning/improvement-new";
    }

    private String actionPage(SignedInUser user, ActionInPlan action, Locale locale, Model model) {
        model.addAttribute("action", action);
        model.addAttribute(
                "contexts", contexts.of(user.districtId(), action.strategy().id()));
        model.addAttribute(
                "mergedHere",
                merges.mergedInto(user.districtId(), action.strategy().id()));
        model.addAttribute("people", directory.people(user.districtId()));
        model.addAttribute(
                "groups",
                directory.studentGroups(user.districtId()).stream()
                        .filter(group -> !StudentGroup.ALL.equals(group.code()))
                        .toList());
        model.addAttribute("tiers", EvidenceTier.values());
        model.addAttribute("funds", funds.offered(user.districtId()));
        model.addAttribute("fundNames", fundNames.of(user.districtId(), locale));
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("frameworks", frameworks.list(user));
        model.addAttribute(
                "tags", coverage.labelsOf(user, List.of(action.strategy().id())));
        if (!model.containsAttribute("cost")) {
            model.addAttribute("cost", new CostForm(null, Purpose.GENERAL, null));
        }
        return "planning/action";
    }

    private String defaultTitle(SignedInUser user, UUID school, int year, Locale locale) {
        String who = school == null
                ? directory.district(user.districtId()).name()
                : directory
                        .school(user.districtId(), school)
                        .orElseThrow(() -> new NotFoundException("school"))
                        .name();
        return ("es".equals(locale.getLanguage())
                        ? "Plan de mejora " + new SchoolYear(year) + " – "
                        : who + " improvement plan ")
                + ("es".equals(locale.getLanguage()) ? who : new SchoolYear(year).toString());
    }

    record StartForm(
            UUID school,
            @NotNull @Min(1990) @Max(2100) Integer year,
            @NotBlank @Size(max = 200) String title,
            List<UUID> goals,
            List<UUID> strategies) {}

    record CostForm(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}")
            String fund,

            @NotNull Purpose purpose,

            @NotNull @DecimalMin("0") @DecimalMax("999999999999") @Digits(integer = 12, fraction = 2)
            BigDecimal amount) {}

    record DetailForm(
            @Size(max = 4000) String description,
            LocalDate start,
            LocalDate end,
            List<UUID> people,
            @Size(max = 4000) String resources,
            @Size(max = 4000) String needs,
            EvidenceTier evidenceTier,
            @Size(max = 4000) String evidenceBasis,
            @Size(max = 4000) String implementationEvidence,
            @Size(max = 4000) String impactEvidence,
            List<String> groups,
            Integer version) {

        static DetailForm of(ActionDetail d) {
            return new DetailForm(
                    d.description(),
                    d.start(),
                    d.end(),
                    d.people(),
                    d.resources(),
                    d.needs(),
                    d.evidenceTier(),
                    d.evidenceBasis(),
                    d.implementationEvidence(),
                    d.impactEvidence(),
                    d.studentGroups(),
                    d.version());
        }

        DetailForm at(int saved) {
            return new DetailForm(
                    description,
                    start,
                    end,
                    people,
                    resources,
                    needs,
                    evidenceTier,
                    evidenceBasis,
                    implementationEvidence,
                    impactEvidence,
                    groups,
                    saved);
        }

        ActionDetail detail(UUID strategyId) {
            return new ActionDetail(
                    strategyId,
                    blankToNull(description),
                    start,
                    end,
                    people,
                    blankToNull(resources),
                    blankToNull(needs),
                    evidenceTier,
                    blankToNull(evidenceBasis),
                    blankToNull(implementationEvidence),
                    blankToNull(impactEvidence),
                    groups,
                    EditConflictException.versionRead(version));
        }

        java.util.Map<String, String> shown() {
            java.util.Map<String, String> shown = new java.util.LinkedHashMap<>();
            shown.put("improvement.field.description", description);
            shown.put("improvement.field.start", start == null ? null : start.toString());
            shown.put("improvement.field.end", end == null ? null : end.toString());
            shown.put("improvement.field.resources", resources);
            shown.put("improvement.field.needs", needs);
            shown.put("improvement.field.evidenceTier", evidenceTier == null ? null : evidenceTier.name());
            shown.put("improvement.field.evidenceBasis", evidenceBasis);
            shown.put("improvement.field.implementationEvidence", implementationEvidence);
            shown.put("improvement.field.impactEvidence", impactEvidence);
            return shown;
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }
}
