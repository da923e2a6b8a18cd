package org.lodestar.planning.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.Alignment;
import org.lodestar.planning.Goal;
import org.lodestar.planning.PlanTree;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.domain.PlanEditing;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the plan page and its tree (redrawn by htmx after every change) show. */
@Component
class PlanPage {

    static final String PAGE = "planning/plan";
    static final String TREE = "planning/plan :: tree";

    private final PlanningApi planning;
    private final PlanEditing editing;
    private final DirectoryApi directory;

    PlanPage(PlanningApi planning, PlanEditing editing, DirectoryApi directory) {
        this.planning = planning;
        this.editing = editing;
        this.directory = directory;
    }

    /** The whole page. */
    String page(SignedInUser user, UUID planId, Model model) {
        PlanTree tree = tree(user, planId, model);
        if (!tree.plan().districtPlan()) {
            model.addAttribute(
                    "school",
                    directory.school(user.districtId(), tree.plan().schoolId()).orElse(null));
        }
        return PAGE;
    }

    /** The tree alone. */
    String treeFragment(SignedInUser user, UUID planId, Model model) {
        tree(user, planId, model);
        return TREE;
    }

    private PlanTree tree(SignedInUser user, UUID planId, Model model) {
        PlanTree tree = planning.tree(user.districtId(), planId);
        model.addAttribute("tree", tree);
        model.addAttribute("canEdit", editing.canEdit(user, tree.plan()));
        if (tree.plan().districtPlan()) {
            model.addAttribute("untaken", goalsNoSchoolTookUp(user.districtId(), tree));
        }
        model.addAttribute("owners", directory.namesById(user.districtId()));
        return tree;
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
