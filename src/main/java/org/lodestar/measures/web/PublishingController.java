package org.lodestar.measures.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.Scorecards;
import org.lodestar.measures.domain.KpiEditing;
import org.lodestar.planning.Goal;
import org.lodestar.planning.PlanNodes;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Which goals and KPIs of the district's strategic plan appear on the public scorecard. */
@Controller
class PublishingController {

    private final PlanningApi planning;
    private final Scorecards scorecards;
    private final KpiEditing editing;
    private final DirectoryApi directory;

    PublishingController(PlanningApi planning, Scorecards scorecards, KpiEditing editing, DirectoryApi directory) {
        this.planning = planning;
        this.scorecards = scorecards;
        this.editing = editing;
        this.directory = directory;
    }

    record GoalRow(Goal goal, List<Kpi> kpis) {}

    @GetMapping("/publishing")
    String show(@AuthenticationPrincipal SignedInUser user, Model model) {
        ForbiddenException.unless(user.canPlanForDistrict());
        UUID district = user.districtId();
        PlanNodes nodes = planning.districtStrategicPlan(district)
                .map(plan -> planning.nodesOfPlan(district, plan.id()))
                .orElse(null);
        List<GoalRow> rows = List.of();
        if (nodes != null) {
            List<Kpi> kpis = scorecards.kpisOfOutcomes(district, nodes.outcomeIds());
            rows = nodes.goals().stream()
                    .map(goal -> new GoalRow(
                            goal,
                            kpis.stream()
                                    .filter(k -> goal.id().equals(nodes.goalOf(k.outcomeId())))
                                    .toList()))
                    .toList();
        }
        model.addAttribute("rows", rows);
        model.addAttribute("slug", directory.district(district).slug());
        return "measures/publishing";
    }

    /**
     * A goal's toggle sent from a page opened before someone else changed the goal: the goal as it is now and what this
     * person asked, so that the page says what happened and offers to apply the choice again.
     */
    record StaleToggle(Goal now, boolean asked) {

        /** Whether the goal is already as asked (someone made the same choice): nothing to apply again. */
        public boolean done() {
            return now.published() == asked;
        }
    }

    @PostMapping("/publishing/goals/{id}")
    String goal(
            @PathVariable UUID id,
            @RequestParam boolean published,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            HttpServletResponse response) {
        ForbiddenException.unless(user.canPlanForDistrict());
        try {
            planning.setPublished(user, id, published, version);
        } catch (EditConflictException e) {
            // the toggle was read before another change of the goal: say so on this page, not the general conflict page
            Goal now = planning.goal(user.districtId(), id).orElseThrow(() -> new NotFoundException("goal"));
            model.addAttribute("stale", new StaleToggle(now, published));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return show(user, model);
        }
        return "redirect:/publishing";
    }

    @PostMapping("/publishing/kpis/{id}")
    String kpi(@PathVariable UUID id, @RequestParam boolean published, @AuthenticationPrincipal SignedInUser user) {
        ForbiddenException.unless(user.canPlanForDistrict());
        Kpi k = scorecards.kpi(user.districtId(), id);
        editing.save(
                user,
                new Kpi(
                        k.id(),
                        k.outcomeId(),
                        k.name(),
                        k.nameTranslation(),
                        k.unit(),
                        k.direction(),
                        k.baselineValue(),
                        k.baselineYear(),
                        k.frequency(),
                        k.dataSource(),
                        k.ownerId(),
                        k.byStudentGroup(),
                        k.aboutStudents(),
                        k.schoolLevels(),
                        published,
                        k.position(),
                        k.targets(),
                        k.version()));
        return "redirect:/publishing";
    }
}
