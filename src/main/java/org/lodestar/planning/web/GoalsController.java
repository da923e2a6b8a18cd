package org.lodestar.planning.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.School;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.Alignment;
import org.lodestar.planning.Goal;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanTree;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.domain.PlanEditing;
import org.lodestar.shared.EditConflict;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A goal with everything under it, and its alignment between school and district. */
@Controller
class GoalsController {

    private final PlanningApi planning;
    private final PlanEditing editing;
    private final DirectoryApi directory;
    private final ItemTags tags;
    private final ItemContexts contexts;

    GoalsController(
            PlanningApi planning, PlanEditing editing, DirectoryApi directory, ItemTags tags, ItemContexts contexts) {
        this.contexts = contexts;
        this.planning = planning;
        this.editing = editing;
        this.directory = directory;
        this.tags = tags;
    }

    /** The goal's page; an adopted plan's asks why first (see {@link ReasonFirst}) before it offers its forms. */
    @GetMapping("/goals/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, HttpSession session, Model model) {
        return show(id, user, plan -> PlanVersionsController.reasonWanted(plan, session), model);
    }

    /** The page again after a change it refused: its writer said why already (see {@link ReasonFirst}). */
    private String show(UUID id, SignedInUser user, Model model) {
        return show(id, user, plan -> false, model);
    }

    private String show(UUID id, SignedInUser user, Predicate<PlanSummary> mustSayWhy, Model model) {
        UUID district = user.districtId();
        Goal goal = planning.goal(district, id).orElseThrow(() -> new NotFoundException("goal"));
        PlanTree tree = planning.tree(district, goal.planId());
        PlanTree.GoalBranch branch = tree.goals().stream()
                .filter(candidate -> candidate.goal().id().equals(id))
                .findFirst()
                .orElseThrow();
        Map<UUID, Goal> goals =
                planning.goals(district).stream().collect(Collectors.toMap(Goal::id, Function.identity()));
        Map<UUID, PlanSummary> plans =
                planning.plans(district).stream().collect(Collectors.toMap(PlanSummary::id, Function.identity()));
        Map<UUID, School> schools = directory.schoolsById(district);
        List<Alignment> alignments = planning.alignments(district);

        model.addAttribute("plan", tree.plan());
        model.addAttribute("branch", branch);
        model.addAttribute("contexts", contexts.of(district, id));
        boolean canEdit = editing.canEdit(user, tree.plan());
        if (canEdit && mustSayWhy.test(tree.plan())) {
            model.addAttribute("reasonFirst", "/goals/" + id);
            canEdit = false;
        }
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("owners", directory.namesById(district));
        List<UUID> tagged = new java.util.ArrayList<>();
        tagged.add(id);
        branch.outcomes().forEach(outcome -> tagged.add(outcome.outcome().id()));
        tags.addTo(user, tagged, model);
        if (tree.plan().districtPlan()) {
            model.addAttribute(
                    "alignedSchools",
                    alignments.stream()
                            .filter(alignment -> alignment.districtGoalId().equals(id))
                            .map(alignment -> {
                                Goal schoolGoal = goals.get(alignment.schoolGoalId());
                                School school = schools.get(
                                        plans.get(schoolGoal.planId()).schoolId());
                                return new AlignedSchool(
                                        school.name(), schoolGoal, alignment.rationale(), alignment.version());
                            })
                            .toList());
        } else {
            model.addAttribute(
                    "alignedTo",
                    alignments.stream()
                            .filter(alignment -> alignment.schoolGoalId().equals(id))
                            .map(alignment -> new AlignedSchool(
                                    null,
                                    goals.get(alignment.districtGoalId()),
                                    alignment.rationale(),
                                    alignment.version()))
                            .toList());
            model.addAttribute(
                    "districtGoals",
                    goals.values().stream()
                            .filter(node -> plans.get(node.planId()).districtPlan())
                            .sorted(java.util.Comparator.comparingInt(Goal::position))
                            .toList());
        }
        return "planning/goal";
    }

    @PostMapping("/goals/{id}/alignments")
    String align(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID districtGoal,
            @RequestParam(defaultValue = "") String rationale,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            HttpServletResponse response) {
        if (districtGoal == null || rationale.isBlank() || rationale.length() > 1000) {
            model.addAttribute("alignError", true);
            model.addAttribute("chosenGoal", districtGoal);
            model.addAttribute("rationale", rationale);
            return show(id, user, model);
        }
        try {
            editing.align(user, id, districtGoal, rationale.strip());
        } catch (EditConflictException e) {
            // aligned to that goal meanwhile, by someone else: their reason beside this one, to replace or keep
            return conflict(id, districtGoal, rationale, user, model, response);
        }
        return "redirect:/goals/" + id;
    }

    /** Changes the school's reason for an alignment, from the version the page showed. */
    @PostMapping("/goals/{id}/alignments/{districtGoal}")
    String changeRationale(
            @PathVariable UUID id,
            @PathVariable UUID districtGoal,
            @RequestParam(defaultValue = "") String rationale,
            @RequestParam(required = false) Integer version,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            HttpServletResponse response) {
        if (rationale.isBlank() || rationale.length() > 1000) {
            model.addAttribute("editingAlignment", districtGoal);
            model.addAttribute("rationaleError", true);
            model.addAttribute("editedRationale", rationale);
            return show(id, user, model);
        }
        try {
            editing.changeRationale(
                    user, id, districtGoal, rationale.strip(), EditConflictException.versionRead(version));
        } catch (EditConflictException e) {
            return conflict(id, districtGoal, rationale, user, model, response);
        }
        return "redirect:/goals/" + id;
    }

    /**
     * The goal's page again, with the alignment's form open: the reason as this person typed it, beside the one saved
     * now, and the saved version, so that saving again replaces it on purpose (HTTP 409).
     */
    private String conflict(
            UUID id,
            UUID districtGoal,
            String rationale,
            SignedInUser user,
            Model model,
            HttpServletResponse response) {
        String saved = planning.alignments(user.districtId()).stream()
                .filter(a -> a.schoolGoalId().equals(id) && a.districtGoalId().equals(districtGoal))
                .map(Alignment::rationale)
                .findFirst()
                .orElse(null);
        model.addAttribute("editingAlignment", districtGoal);
        model.addAttribute("editedRationale", rationale);
        model.addAttribute(
                "alignmentConflict",
                EditConflict.between(
                        Map.of("goal.rationale", rationale), Collections.singletonMap("goal.rationale", saved)));
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        return show(id, user, model);
    }

    @PostMapping("/goals/{id}/alignments/{districtGoal}/delete")
    String unalign(@PathVariable UUID id, @PathVariable UUID districtGoal, @AuthenticationPrincipal SignedInUser user) {
        editing.unalign(user, id, districtGoal);
        return "redirect:/goals/" + id;
    }

    /** A school goal aligned to a district goal (or the district goal a school goal aligns to), with the reason. */
    record AlignedSchool(String school, Goal goal, String rationale, int version) {}
}
