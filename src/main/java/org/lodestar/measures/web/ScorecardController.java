package org.lodestar.measures.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.KpiOverview;
import org.lodestar.measures.Scorecards;
import org.lodestar.measures.domain.MeasurementImport;
import org.lodestar.planning.Goal;
import org.lodestar.planning.PlanNodes;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The scorecard of a plan, grouped by goal and filtered by goal, school and group; and measurement imports. */
@Controller
class ScorecardController {

    private final Scorecards scorecards;
    private final PlanningApi planning;
    private final DirectoryApi directory;
    private final MeasurementImport imports;
    private final Charts charts;
    private final MessageSource messages;

    ScorecardController(
            Scorecards scorecards,
            PlanningApi planning,
            DirectoryApi directory,
            MeasurementImport imports,
            Charts charts,
            MessageSource messages) {
        this.scorecards = scorecards;
        this.planning = planning;
        this.directory = directory;
        this.imports = imports;
        this.charts = charts;
        this.messages = messages;
    }

    /** A goal's KPIs with their overviews and chart specs, in the goal's order. */
    record GoalCard(Goal goal, List<KpiOverview> kpis, Map<UUID, String> charts) {}

    @GetMapping("/scorecard")
    String scorecard(
            @RequestParam(required = false) UUID plan,
            @RequestParam(required = false) UUID goal,
            @RequestParam(required = false) UUID school,
            @RequestParam(defaultValue = StudentGroup.ALL) String group,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        UUID district = user.districtId();
        PlanSummary chosen = plan != null
                ? planning.plan(district, plan)
                : planning.districtStrategicPlan(district).orElse(null);
        if (school == null && chosen != null && chosen.schoolId() != null) {
            school = chosen.schoolId(); // a school's plan is measured at that school
        }
        model.addAttribute("plans", planning.plans(district));
        model.addAttribute("schools", directory.schools(district));
        model.addAttribute("groups", directory.studentGroups(district));
        model.addAttribute("filter", new Filter(chosen == null ? null : chosen.id(), goal, school, group));
        model.addAttribute("plan", chosen);
        model.addAttribute("archived", scorecards.archived(district));
        if (chosen == null) {
            model.addAttribute("cards", List.of());
            model.addAttribute("goals", List.of());
            return "measures/scorecard";
        }
        PlanNodes nodes = planning.nodesOfPlan(district, chosen.id());
        List<Goal> goals = nodes.goals();
        List<Kpi> kpis = scorecards.kpisOfOutcomes(district, nodes.outcomeIds()).stream()
                .filter(kpi -> goal == null || goal.equals(nodes.goalOf(kpi.outcomeId())))
                .toList();
        List<KpiOverview> overviews = scorecards.overviews(district, kpis, school, group);
        var locale = LocaleContextHolder.getLocale();
        String actual = messages.getMessage("kpi.actual", null, locale);
        String target = messages.getMessage("kpi.targetPath", null, locale);
        List<GoalCard> cards = new ArrayList<>();
        for (Goal g : goals) {
            if (goal != null && !goal.equals(g.id())) {
                continue;
            }
            List<KpiOverview> ofGoal = overviews.stream()
                    .filter(o -> g.id().equals(nodes.goalOf(o.kpi().outcomeId())))
                    .toList();
            Map<UUID, String> specs = new LinkedHashMap<>();
            ofGoal.forEach(o -> specs.put(o.kpi().id(), charts.trend(o, actual, target)));
            cards.add(new GoalCard(g, ofGoal, specs));
        }
        model.addAttribute("cards", cards);
        model.addAttribute("goals", goals);
        return "measures/scorecard";
    }

    record Filter(UUID plan, UUID goal, UUID school, String group) {}

    @GetMapping("/measurements/import")
    String importForm() {
        return "measures/import";
    }

    @PostMapping("/measurements/import")
    String importFile(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal SignedInUser user, Model model)
            throws IOException {
        MeasurementImport.Result result = imports.importFile(user, file.getOriginalFilename(), file);
        model.addAttribute("result", result);
        model.addAttribute("filename", file.getOriginalFilename());
        return "measures/import";
    }
}
