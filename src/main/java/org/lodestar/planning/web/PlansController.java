package org.lodestar.planning.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.Alignment;
import org.lodestar.planning.Node;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanTree;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.Tier;
import org.lodestar.planning.domain.PlanEditing;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Plans and their trees, edited in place with htmx: every change answers with the redrawn tree. */
@Controller
class PlansController {

    private static final String TREE = "planning/plan :: tree";

    private final PlanningApi planning;
    private final PlanEditing editing;
    private final DirectoryApi directory;

    PlansController(PlanningApi planning, PlanEditing editing, DirectoryApi directory) {
        this.planning = planning;
        this.editing = editing;
        this.directory = directory;
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
        model.addAttribute(
                "form",
                new PlanForm(
                        null,
                        school,
                        school == null ? PlanKind.STRATEGIC : PlanKind.IMPROVEMENT,
                        "",
                        year,
                        year + 4,
                        "",
                        "",
                        "",
                        PlanStatus.DRAFT));
        return planForm(user, model);
    }

    @GetMapping("/plans/{id}/edit")
    String edit(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        PlanSummary plan = planning.plan(user.districtId(), id);
        ForbiddenException.unless(editing.canEdit(user, plan));
        model.addAttribute(
                "form",
                new PlanForm(
                        plan.id(),
                        plan.schoolId(),
                        plan.kind(),
                        plan.title(),
                        plan.firstYear(),
                        plan.lastYear(),
                        plan.vision(),
                        plan.mission(),
                        plan.coreValues(),
                        plan.status()));
        return planForm(user, model);
    }

    @PostMapping("/plans")
    String save(
            @Valid @ModelAttribute("form") PlanForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
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
        UUID id = form.id() == null ? Ids.next() : form.id();
        if (form.id() != null) {
            planning.plan(user.districtId(), form.id());
        }
        editing.savePlan(
                user,
                new PlanSummary(
                        id,
                        form.schoolId(),
                        form.kind(),
                        form.title().strip(),
                        form.firstYear(),
                        form.lastYear(),
                        form.vision(),
                        form.mission(),
                        form.coreValues(),
                        form.status()));
        return "redirect:/plans/" + id;
    }

    @GetMapping("/plans/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        tree(user, id, model);
        PlanSummary plan = planning.plan(user.districtId(), id);
        if (plan.schoolId() != null) {
            model.addAttribute(
                    "school",
                    directory.school(user.districtId(), plan.schoolId()).orElse(null));
        } else {
            model.addAttribute("untaken", goalsNoSchoolTookUp(user.districtId(), id));
        }
        return "planning/plan";
    }

    @GetMapping("/plans/{id}/tree")
    String treeFragment(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        tree(user, id, model);
        return TREE;
    }

    @PostMapping("/plans/{planId}/nodes/{tier}")
    String add(
            @PathVariable UUID planId,
            @PathVariable String tier,
            @RequestParam(required = false) UUID parent,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(required = false) UUID owner,
            @AuthenticationPrincipal SignedInUser user,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        Tier kind = Tier.fromPath(tier);
        if (title.isBlank() || title.length() > 300) {
            model.addAttribute("addError", kind.path() + ":" + (parent == null ? planId : parent));
        } else {
            editing.addNode(user, planId, kind, parent, title.strip(), owner);
        }
        return respond(user, planId, htmx, model);
    }

    @GetMapping("/plans/{planId}/nodes/{tier}/{id}/edit")
    String editNode(
            @PathVariable UUID planId,
            @PathVariable String tier,
            @PathVariable UUID id,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        Node node = planning.node(user.districtId(), Tier.fromPath(tier), id)
                .filter(found -> found.planId().equals(planId))
                .orElseThrow(() -> new org.lodestar.shared.NotFoundException("item"));
        ForbiddenException.unless(editing.canEdit(user, planning.plan(user.districtId(), planId)));
        model.addAttribute("node", node);
        model.addAttribute("people", directory.people(user.districtId()));
        model.addAttribute("planId", planId);
        return "planning/tree-parts :: edit-node";
    }

    @PostMapping("/plans/{planId}/nodes/{tier}/{id}")
    String updateNode(
            @PathVariable UUID planId,
            @PathVariable String tier,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(required = false) UUID owner,
            @RequestParam(required = false) org.lodestar.planning.ProjectStatus status,
            @RequestParam(defaultValue = "false") boolean published,
            @AuthenticationPrincipal SignedInUser user,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        Tier kind = Tier.fromPath(tier);
        Node current = planning.node(user.districtId(), kind, id)
                .filter(found -> found.planId().equals(planId))
                .orElseThrow(() -> new org.lodestar.shared.NotFoundException("item"));
        if (title.isBlank() || title.length() > 300) {
            model.addAttribute("node", current);
            model.addAttribute("people", directory.people(user.districtId()));
            model.addAttribute("planId", planId);
            model.addAttribute("titleError", true);
            return "planning/tree-parts :: edit-node";
        }
        boolean publish = user.canPlanForDistrict() ? published : current.published();
        editing.updateNode(
                user,
                new Node(
                        kind,
                        id,
                        current.parentId(),
                        planId,
                        title.strip(),
                        owner,
                        current.position(),
                        publish,
                        status));
        return respond(user, planId, htmx, model);
    }

    @PostMapping("/plans/{planId}/nodes/{tier}/{id}/move")
    String move(
            @PathVariable UUID planId,
            @PathVariable String tier,
            @PathVariable UUID id,
            @RequestParam boolean up,
            @AuthenticationPrincipal SignedInUser user,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        editing.move(user, Tier.fromPath(tier), id, up);
        return respond(user, planId, htmx, model);
    }

    @PostMapping("/plans/{planId}/nodes/{tier}/{id}/delete")
    String delete(
            @PathVariable UUID planId,
            @PathVariable String tier,
            @PathVariable UUID id,
            @AuthenticationPrincipal SignedInUser user,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        editing.deleteNode(user, Tier.fromPath(tier), id);
        return respond(user, planId, htmx, model);
    }

    /** htmx gets the redrawn tree; a plain form post (before htmx has taken over a new form) gets the whole page. */
    private String respond(SignedInUser user, UUID planId, String htmx, Model model) {
        if (htmx == null && !model.containsAttribute("addError")) {
            return "redirect:/plans/" + planId;
        }
        if (htmx == null) {
            return show(planId, user, model);
        }
        tree(user, planId, model);
        return TREE;
    }

    private void tree(SignedInUser user, UUID planId, Model model) {
        PlanTree tree = planning.tree(user.districtId(), planId);
        model.addAttribute("tree", tree);
        model.addAttribute("canEdit", editing.canEdit(user, tree.plan()));
        if (tree.plan().districtPlan()) {
            model.addAttribute("untaken", goalsNoSchoolTookUp(user.districtId(), planId));
        }
        model.addAttribute("owners", directory.namesById(user.districtId()));
    }

    /** District goals of this plan that no school goal is aligned to. */
    private List<Node> goalsNoSchoolTookUp(UUID districtId, UUID planId) {
        Set<UUID> taken = planning.alignments(districtId).stream()
                .map(Alignment::districtGoalId)
                .collect(Collectors.toSet());
        return planning.nodes(districtId).stream()
                .filter(node -> node.tier() == Tier.GOAL && node.planId().equals(planId))
                .filter(node -> !taken.contains(node.id()))
                .sorted(Comparator.comparingInt(Node::position))
                .toList();
    }

    private String planForm(SignedInUser user, Model model) {
        model.addAttribute("schools", directory.schools(user.districtId()));
        return "planning/plan-form";
    }

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
            @NotNull PlanStatus status) {}
}
