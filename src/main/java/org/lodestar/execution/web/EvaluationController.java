package org.lodestar.execution.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.review.EvaluationItem;
import org.lodestar.execution.review.ReviewRefused;
import org.lodestar.execution.review.Verdict;
import org.lodestar.execution.review.YearEndEvaluation;
import org.lodestar.execution.review.YearEndEvaluations;
import org.lodestar.execution.web.DecisionRows.Typed;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.EditConflictException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The year-end evaluation of an improvement plan: started from its page, a form while it is a draft (a row's fields
 * are {@code verdict-<row>} and {@code note-<row>}), its record once completed, with a link to next year's plan. A
 * strategic plan's annual evaluations the same way, one per school year of its cycle, listed together at
 * {@code /strategic-plans/{id}/evaluations}.
 */
@Controller
class EvaluationController {

    private final YearEndEvaluations evaluations;
    private final PlanningApi planning;
    private final DirectoryApi directory;
    private final MessageSource messages;

    EvaluationController(
            YearEndEvaluations evaluations, PlanningApi planning, DirectoryApi directory, MessageSource messages) {
        this.evaluations = evaluations;
        this.planning = planning;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/improvement-plans/{id}/evaluation")
    String evaluation(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        Optional<YearEndEvaluation> evaluation = evaluations.of(user, id);
        return page(
                user,
                id,
                evaluation.orElse(null),
                evaluation.map(EvaluationController::typed).orElse(Map.of()),
                model);
    }

    /** A strategic plan's annual evaluations, the latest year first, and the years one may be started for. */
    @GetMapping("/strategic-plans/{id}/evaluations")
    String evaluations(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        PlanSummary plan = evaluations.strategicPlan(user, id);
        List<YearEndEvaluation> kept = evaluations.ofStrategicPlan(user, id);
        List<Integer> evaluated =
                kept.stream().map(YearEndEvaluation::schoolYear).toList();
        Map<UUID, String> names = directory.namesById(user.districtId());
        model.addAttribute("plan", plan);
        model.addAttribute(
                "kept",
                kept.stream()
                        .map(e -> new Kept(
                                e,
                                new org.lodestar.shared.SchoolYear(e.schoolYear()).toString(),
                                e.completedBy() == null ? null : names.get(e.completedBy()),
                                e.items().stream()
                                        .filter(item -> item.verdict() != null)
                                        .count(),
                                e.items().size()))
                        .toList());
        model.addAttribute("mayEvaluate", planning.canEdit(user, id));
        model.addAttribute(
                "years",
                evaluations.yearsBegun(user, id).stream()
                        .filter(year -> !evaluated.contains(year))
                        .map(year -> new YearChoice(year, new org.lodestar.shared.SchoolYear(year).toString()))
                        .toList());
        Refusals.show(model, messages, LocaleContextHolder.getLocale());
        return "execution/evaluations";
    }

    @PostMapping("/strategic-plans/{id}/evaluations")
    String startYear(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer year,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        PlanSummary plan = evaluations.strategicPlan(user, id);
        int chosen = year == null ? plan.firstYear() - 1 : year;
        try {
            evaluations.startYear(user, id, chosen);
        } catch (ReviewRefused refused) {
            response.setStatus(422);
            model.addAttribute("refused", refused);
            return evaluations(id, user, model);
        }
        return "redirect:/strategic-plans/" + id + "/evaluations/" + chosen;
    }

    @GetMapping("/strategic-plans/{id}/evaluations/{year}")
    String yearEvaluation(
            @PathVariable UUID id, @PathVariable int year, @AuthenticationPrincipal SignedInUser user, Model model) {
        YearEndEvaluation evaluation = evaluations
                .ofYear(user, id, year)
                .orElseThrow(() -> new org.lodestar.shared.NotFoundException("evaluation"));
        return page(user, id, evaluation, typed(evaluation), model);
    }

    @PostMapping("/strategic-plans/{id}/evaluations/{year}")
    String saveYear(
            @PathVariable UUID id,
            @PathVariable int year,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String complete,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        YearEndEvaluation evaluation = evaluations
                .ofYear(user, id, year)
                .orElseThrow(() -> new org.lodestar.shared.NotFoundException("evaluation"));
        return saved(
                user,
                id,
                evaluation,
                request,
                response,
                model,
                () -> evaluations.ofYear(user, id, year).orElseThrow(),
                decisions -> evaluations.saveYear(
                        user, id, year, EditConflictException.versionRead(version), decisions, complete != null),
                "redirect:/strategic-plans/" + id + "/evaluations/" + year);
    }

    @PostMapping("/improvement-plans/{id}/evaluation/start")
    String start(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        evaluations.start(user, id);
        return "redirect:/improvement-plans/" + id + "/evaluation";
    }

    @PostMapping("/improvement-plans/{id}/evaluation")
    String save(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String complete,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        YearEndEvaluation evaluation =
                evaluations.of(user, id).orElseThrow(() -> new org.lodestar.shared.NotFoundException("evaluation"));
        return saved(
                user,
                id,
                evaluation,
                request,
                response,
                model,
                () -> evaluations.of(user, id).orElseThrow(),
                decisions -> evaluations.save(
                        user, id, EditConflictException.versionRead(version), decisions, complete != null),
                "redirect:/improvement-plans/" + id + "/evaluation");
    }

    /**
     * Reads the form's rows and saves them: a refusal shows the form again with what was typed (422), a save from an
     * older reading both versions (409); else {@code done}.
     */
    private String saved(
            SignedInUser user,
            UUID id,
            YearEndEvaluation evaluation,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            java.util.function.Supplier<YearEndEvaluation> reread,
            java.util.function.Consumer<Map<UUID, YearEndEvaluations.Decision>> save,
            String done) {
        DecisionRows.Read<Verdict> read = DecisionRows.read(
                request,
                "verdict",
                Verdict.class,
                evaluation.items().stream().map(EvaluationItem::id).toList());
        try {
            save.accept(read.decisions(YearEndEvaluations.Decision::new));
        } catch (ReviewRefused refused) {
            response.setStatus(422);
            model.addAttribute("refused", refused);
            return page(user, id, evaluation, DecisionRows.merged(typed(evaluation), read.typed()), model);
        } catch (EditConflictException conflict) {
            YearEndEvaluation saved = reread.get();
            Map<UUID, String> titles = new LinkedHashMap<>();
            saved.items().forEach(item -> titles.put(item.id(), item.title()));
            response.setStatus(409);
            model.addAttribute(
                    "conflict",
                    DecisionRows.conflict(
                            titles,
                            typed(saved),
                            read.typed(),
                            Verdict.class,
                            "evaluation.verdict.",
                            messages,
                            LocaleContextHolder.getLocale()));
            return page(user, id, saved, DecisionRows.merged(typed(saved), read.typed()), model);
        }
        return done;
    }

    private static Map<UUID, Typed> typed(YearEndEvaluation evaluation) {
        Map<UUID, Typed> typed = new LinkedHashMap<>();
        evaluation
                .items()
                .forEach(item -> typed.put(
                        item.id(),
                        new Typed(item.verdict() == null ? "" : item.verdict().name(), item.note())));
        return typed;
    }

    private String page(
            SignedInUser user, UUID planId, YearEndEvaluation evaluation, Map<UUID, Typed> typed, Model model) {
        PlanSummary plan = planning.plan(user.districtId(), planId);
        boolean mayEvaluate = planning.canEdit(user, planId);
        model.addAttribute("plan", plan);
        model.addAttribute("evaluation", evaluation);
        boolean strategic = evaluation != null && evaluation.strategic();
        model.addAttribute("strategic", strategic);
        model.addAttribute(
                "formAction",
                strategic
                        ? "/strategic-plans/" + planId + "/evaluations/" + evaluation.schoolYear()
                        : "/improvement-plans/" + planId + "/evaluation");
        model.addAttribute(
                "evaluatedYear",
                strategic ? new org.lodestar.shared.SchoolYear(evaluation.schoolYear()).toString() : null);
        model.addAttribute("mayEvaluate", mayEvaluate);
        model.addAttribute("editable", evaluation != null && !evaluation.completed() && mayEvaluate);
        model.addAttribute("goalVerdicts", List.of(Verdict.MET, Verdict.PARTLY_MET, Verdict.NOT_MET));
        model.addAttribute("actionVerdicts", List.of(Verdict.CONTINUE, Verdict.REVISE, Verdict.STOP));
        model.addAttribute(
                "rows",
                evaluation == null
                        ? List.of()
                        : evaluation.items().stream()
                                .map(item -> new Row(item, typed.getOrDefault(item.id(), new Typed("", null))))
                                .toList());
        if (evaluation != null && evaluation.completed()) {
            model.addAttribute(
                    "completedBy", directory.namesById(user.districtId()).get(evaluation.completedBy()));
            model.addAttribute(
                    "completedOn",
                    java.time.LocalDate.ofInstant(evaluation.completedAt(), java.time.ZoneId.systemDefault()));
            model.addAttribute(
                    "nextPlan",
                    evaluation.nextPlanId() == null ? null : planning.plan(user.districtId(), evaluation.nextPlanId()));
        }
        Refusals.show(model, messages, LocaleContextHolder.getLocale());
        return "execution/year-end-evaluation";
    }

    record Row(EvaluationItem item, Typed typed) {}

    /** A kept annual evaluation as the list shows it: its year, who completed it, how many rows are decided. */
    record Kept(YearEndEvaluation evaluation, String year, String completedBy, long decided, int rows) {}

    record YearChoice(int year, String label) {}
}
