package org.lodestar.planning.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.Alignment;
import org.lodestar.planning.Goal;
import org.lodestar.planning.ImprovementLink;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanTree;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.compliance.PlanLevel;
import org.lodestar.planning.domain.ComplianceFrameworks;
import org.lodestar.planning.domain.ImprovementPlans;
import org.lodestar.planning.domain.PlanEditing;
import org.lodestar.planning.domain.PlanReview;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the plan page and its tree (redrawn by htmx after every change) show. The page reads first: everyone gets the
 * reading view (status, owners, progress, due dates, no inputs). Edit mode ({@code ?mode=edit}) adds the controls
 * and the forms, for those who may edit the plan; anyone else asking for it gets the reading view rather than an
 * error, since a link to edit mode is shared as a link to the plan.
 */
@Component
class PlanPage {

    static final String PAGE = "planning/plan";
    static final String TREE = "planning/plan :: tree";
    static final String READING = "planning/plan-reading :: reading";
    static final String REVIEW = "planning/plan-review";

    private final PlanningApi planning;
    private final PlanEditing editing;
    private final DirectoryApi directory;
    private final ImprovementPlans improvementPlans;
    private final ComplianceFrameworks frameworks;
    private final PlanReview review;

    PlanPage(
            PlanningApi planning,
            PlanEditing editing,
            DirectoryApi directory,
            ImprovementPlans improvementPlans,
            ComplianceFrameworks frameworks,
            PlanReview review) {
        this.review = review;
        this.planning = planning;
        this.editing = editing;
        this.directory = directory;
        this.improvementPlans = improvementPlans;
        this.frameworks = frameworks;
    }

    /** The whole page, in edit mode if asked for and allowed. */
    String page(SignedInUser user, UUID planId, boolean editMode, Model model) {
        PlanTree tree = tree(user, planId, editMode, model);
        if (!tree.plan().districtPlan()) {
            model.addAttribute(
                    "school",
                    directory.school(user.districtId(), tree.plan().schoolId()).orElse(null));
        }
        Optional<ImprovementLink> link = improvementPlans.link(user.districtId(), planId);
        improvement(user, tree.plan(), link, model);
        model.addAttribute("reviewCount", PlanReview.count(review.review(user.districtId(), tree, link.isPresent())));
        return PAGE;
    }

    /** The plan-quality review: every check, what each found, each finding linked to where it is put right. */
    String review(SignedInUser user, UUID planId, Model model) {
        PlanTree tree = planning.tree(user.districtId(), planId);
        boolean improvementPlan =
                improvementPlans.link(user.districtId(), planId).isPresent();
        List<PlanReview.Line> lines = review.review(user.districtId(), tree, improvementPlan);
        model.addAttribute("plan", tree.plan());
        model.addAttribute("goalCount", tree.goals().size());
        model.addAttribute("lines", lines);
        model.addAttribute("count", PlanReview.count(lines));
        model.addAttribute("improvementPlan", improvementPlan);
        return REVIEW;
    }

    /** The tree alone, as edit mode redraws it after a change (the reading view for anyone else). */
    String treeFragment(SignedInUser user, UUID planId, Model model) {
        tree(user, planId, true, model);
        return Boolean.TRUE.equals(model.getAttribute("editing")) ? TREE : READING;
    }

    private PlanTree tree(SignedInUser user, UUID planId, boolean editMode, Model model) {
        PlanTree tree = planning.tree(user.districtId(), planId);
        boolean canEdit = editing.canEdit(user, tree.plan());
        model.addAttribute("tree", tree);
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("editing", editMode && canEdit);
        model.addAttribute("today", LocalDate.now());
        if (tree.plan().districtPlan()) {
            model.addAttribute("untaken", goalsNoSchoolTookUp(user.districtId(), tree));
        }
        model.addAttribute("owners", directory.namesById(user.districtId()));
        return tree;
    }

    /** What an improvement plan carries out, and the required plans of its level whose coverage it can be read by. */
    private void improvement(SignedInUser user, PlanSummary plan, Optional<ImprovementLink> link, Model model) {
        model.addAttribute("improvement", link.orElse(null));
        if (link.isEmpty()) {
            return;
        }
        List<String> sources = new ArrayList<>();
        sources.add(
                planning.plan(user.districtId(), link.get().strategicPlanId()).title());
        if (link.get().districtImprovementPlanId() != null) {
            sources.add(planning.plan(user.districtId(), link.get().districtImprovementPlanId())
                    .title());
        }
        model.addAttribute("improvementSources", String.join(" · ", sources));
        PlanLevel level = plan.districtPlan() ? PlanLevel.DISTRICT : PlanLevel.SCHOOL;
        model.addAttribute(
                "coverageFrameworks",
                frameworks.list(user).stream()
                        .filter(entry -> !entry.hidden() && entry.framework().level() == level)
                        .toList());
    }

    /** District goals of this plan that no school goal is aligned to. */
    private List<Goal> goalsNoSchoolTookUp(UUID districtId, PlanTree tree) {
        Set<UUID> taken = planning.alignments(districtId).stream()
                .map(Alignment::districtGoalId)
                .collect(Collectors.toSet());
        return tree.goals().stream()
                .map(PlanTree.GoalBranch::goal)
                .filter(goal -> !taken.contains(goal.id()))
                .toList();
    }
}
