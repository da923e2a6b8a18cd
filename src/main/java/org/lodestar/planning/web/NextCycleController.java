package org.lodestar.planning.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.CycleFindings;
import org.lodestar.planning.Goal;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanNodes;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanTranslation;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.Strategy;
import org.lodestar.planning.domain.NextStrategicCycle;
import org.lodestar.shared.SchoolYear;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The next strategic cycle from the current one: a form that offers first what the last cycle's annual evaluations
 * proved (goals met or partly met, actions continued or revised: ticked), then the rest (unticked), with the vision,
 * mission and values carried over for editing; it makes a draft strategic plan of the next years.
 */
@Controller
class NextCycleController {

    private final NextStrategicCycle cycles;
    private final PlanningApi planning;
    private final List<CycleFindings> findings;

    NextCycleController(NextStrategicCycle cycles, PlanningApi planning, List<CycleFindings> findings) {
        this.cycles = cycles;
        this.planning = planning;
        this.findings = findings;
    }

    @GetMapping("/strategic-plans/{id}/next-cycle")
    String form(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        PlanSummary plan = cycles.source(user, id);
        int length = plan.lastYear() - plan.firstYear();
        model.addAttribute(
                "form",
                new CycleForm(
                        nextTitle(plan),
                        plan.lastYear() + 1,
                        plan.lastYear() + 1 + length,
                        plan.vision(),
                        plan.mission(),
                        plan.coreValues(),
                        null,
                        null));
        return page(user, plan, model);
    }

    @PostMapping("/strategic-plans/{id}/next-cycle")
    String start(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") CycleForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        PlanSummary plan = cycles.source(user, id);
        if (!errors.hasFieldErrors("firstYear")
                && !errors.hasFieldErrors("lastYear")
                && !NextStrategicCycle.yearsFollow(plan, form.firstYear(), form.lastYear())) {
            errors.rejectValue(
                    "lastYear",
                    "nextCycle.years",
                    new Object[] {new SchoolYear(plan.firstYear()).toString(), NextStrategicCycle.LONGEST},
                    null);
        }
        Set<UUID> goals = ids(form.goals());
        Set<UUID> actions = ids(form.actions());
        PlanNodes nodes = planning.nodesOfPlan(user.districtId(), id);
        List<String> orphans = nodes.strategies().stream()
                .filter(action -> actions.contains(action.id()) && !goals.contains(action.goalId()))
                .map(Strategy::title)
                .toList();
        if (!orphans.isEmpty()) {
            errors.reject("nextCycle.orphans", new Object[] {String.join("; ", orphans)}, null);
        }
        if (errors.hasErrors()) {
            response.setStatus(422);
            return page(user, plan, model);
        }
        UUID next = cycles.start(
                user,
                id,
                new PlanSummary(
                        null,
                        plan.schoolId(),
                        PlanKind.STRATEGIC,
                        form.title().strip(),
                        form.firstYear(),
                        form.lastYear(),
                        blankToNull(form.vision()),
                        blankToNull(form.mission()),
                        blankToNull(form.coreValues()),
                        // the other language's texts come along as they were, the title excepted (it names the years)
                        new PlanTranslation(
                                null,
                                plan.translation().vision(),
                                plan.translation().mission(),
                                plan.translation().coreValues()),
                        PlanStatus.DRAFT,
                        0),
                goals,
                actions);
        return "redirect:/plans/" + next + "?mode=edit";
    }

    private String page(SignedInUser user, PlanSummary plan, Model model) {
        PlanNodes nodes = planning.nodesOfPlan(user.districtId(), plan.id());
        Map<UUID, CycleFindings.Finding> found = new HashMap<>();
        findings.forEach(source -> found.putAll(source.of(user.districtId(), plan.id())));
        Map<UUID, Goal> goalsById = new HashMap<>();
        nodes.goals().forEach(goal -> goalsById.put(goal.id(), goal));
        List<Offer> proved = new ArrayList<>();
        List<Offer> rest = new ArrayList<>();
        for (Goal goal : nodes.goals()) {
            CycleFindings.Finding finding = found.get(goal.id());
            Offer offer = new Offer(goal.id(), true, goal.titles(), null, finding);
            (finding != null && finding.proved() ? proved : rest).add(offer);
        }
        for (Strategy action : nodes.strategies()) {
            CycleFindings.Finding finding = found.get(action.id());
            Goal goal = goalsById.get(action.goalId());
            Offer offer = new Offer(action.id(), false, action.titles(), goal == null ? null : goal.titles(), finding);
            (finding != null && finding.proved() ? proved : rest).add(offer);
        }
        List<YearChoice> years = new ArrayList<>();
        for (int year = plan.firstYear() + 1; year <= plan.lastYear() + NextStrategicCycle.LONGEST; year++) {
            years.add(new YearChoice(year, new SchoolYear(year).toString()));
        }
        model.addAttribute("plan", plan);
        model.addAttribute("proved", proved);
        model.addAttribute("rest", rest);
        model.addAttribute("evaluated", !found.isEmpty());
        model.addAttribute("years", years);
        return "planning/next-cycle";
    }

    /** This cycle's title with its years moved on ("2025-2029" to "2030-2034"), else with the new years added. */
    static String nextTitle(PlanSummary plan) {
        int length = plan.lastYear() - plan.firstYear();
        int first = plan.lastYear() + 1;
        String years = plan.firstYear() + "-" + (plan.lastYear() + 1);
        if (plan.title().contains(years)) {
            return plan.title().replace(years, first + "-" + (first + length + 1));
        }
        return plan.title() + " " + new SchoolYear(first) + " – " + new SchoolYear(first + length);
    }

    private static Set<UUID> ids(List<UUID> ids) {
        return ids == null ? Set.of() : new HashSet<>(ids);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * A goal or action offered to the next cycle, with its goal's title for an action and what the last evaluation
     * found of it (null: never decided in a completed evaluation).
     */
    record Offer(
            UUID id,
            boolean goal,
            org.lodestar.shared.Bilingual title,
            org.lodestar.shared.Bilingual goalTitle,
            CycleFindings.Finding finding) {}

    record YearChoice(int year, String label) {}

    /**
     * What the form sends: the plan's title, years and texts, and the ids of the goals and actions kept (null lists on
     * a new form: what the last cycle proved is ticked).
     */
    record CycleForm(
            @NotBlank @Size(max = 200) String title,
            @NotNull Integer firstYear,
            @NotNull Integer lastYear,
            @Size(max = 2000) String vision,
            @Size(max = 2000) String mission,
            @Size(max = 2000) String coreValues,
            List<UUID> goals,
            List<UUID> actions) {}
}
