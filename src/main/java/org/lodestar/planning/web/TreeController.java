package org.lodestar.planning.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.Tier;
import org.lodestar.planning.domain.ItemChange;
import org.lodestar.planning.domain.PlanEditing;
import org.lodestar.planning.domain.TierEditing;
import org.lodestar.planning.domain.TreeEditing;
import org.lodestar.planning.domain.TreeItem;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A plan's tree of goals, outcomes and strategies, edited in place with htmx: every change answers with the redrawn
 * tree. An edit or removal made from an item as it was before someone else saved it is refused (409): the edit form
 * comes back with both versions, a removal with the tree as saved now.
 */
@Controller
class TreeController {

    private static final String EDIT = "planning/tree-parts :: edit-node";

    private final PlanningApi planning;
    private final TreeEditing editing;
    private final PlanEditing plans;
    private final DirectoryApi directory;
    private final PlanPage page;
    private final Conflicts conflicts;

    TreeController(
            PlanningApi planning,
            TreeEditing editing,
            PlanEditing plans,
            DirectoryApi directory,
            PlanPage page,
            Conflicts conflicts) {
        this.planning = planning;
        this.editing = editing;
        this.plans = plans;
        this.directory = directory;
        this.page = page;
        this.conflicts = conflicts;
    }

    @GetMapping("/plans/{id}/tree")
    String tree(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        return page.treeFragment(user, id, model);
    }

    @PostMapping("/plans/{planId}/nodes/{tier}")
    String add(
            @PathVariable UUID planId,
            @PathVariable String tier,
            @RequestParam(required = false) UUID parent,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String translation,
            @RequestParam(required = false) UUID owner,
            @AuthenticationPrincipal SignedInUser user,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        Tier kind = Tier.fromPath(tier);
        if (!Titles.fit(title) || !Titles.fitTranslation(translation)) {
            model.addAttribute("addError", kind.path() + ":" + (parent == null ? planId : parent));
            return htmx == null ? page.page(user, planId, true, model) : page.treeFragment(user, planId, model);
        }
        editing.of(kind)
                .add(user, planId, kind == Tier.GOAL ? planId : parent, title.strip(), translation.strip(), owner);
        return respond(user, planId, htmx, model);
    }

    @GetMapping("/plans/{planId}/nodes/{tier}/{id}/edit")
    String edit(
            @PathVariable UUID planId,
            @PathVariable String tier,
            @PathVariable UUID id,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        TreeItem item = item(user, planId, Tier.fromPath(tier), id);
        ForbiddenException.unless(plans.canEdit(user, planning.plan(user.districtId(), planId)));
        return editForm(user, tier, item, model);
    }

    @PostMapping("/plans/{planId}/nodes/{tier}/{id}")
    String update(
            @PathVariable UUID planId,
            @PathVariable String tier,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String translation,
            @RequestParam(required = false) UUID owner,
            @RequestParam(defaultValue = "false") boolean published,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser user,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        TierEditing tierEditing = editing.of(Tier.fromPath(tier));
        TreeItem current = item(user, planId, tierEditing.tier(), id);
        boolean publish = user.canPlanForDistrict() ? published : current.published();
        TreeItem yours = new TreeItem(id, planId, title, translation, owner, current.publishable(), publish, version);
        if (!Titles.fit(title) || !Titles.fitTranslation(translation)) {
            inPlace(response, id);
            model.addAttribute("titleError", true);
            return editForm(user, tier, yours, model);
        }
        try {
            tierEditing.update(user, id, new ItemChange(title.strip(), translation.strip(), owner, publish, version));
        } catch (EditConflictException conflict) {
            TreeItem saved = item(user, planId, tierEditing.tier(), id);
            boolean showPublished = current.publishable() && user.canPlanForDistrict();
            model.addAttribute("conflict", conflicts.item(user.districtId(), saved, yours, showPublished, locale));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            inPlace(response, id);
            return editForm(user, tier, withVersion(yours, saved.version()), model);
        }
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
        editing.of(Tier.fromPath(tier)).move(user, id, up);
        return respond(user, planId, htmx, model);
    }

    @PostMapping("/plans/{planId}/nodes/{tier}/{id}/delete")
    String delete(
            @PathVariable UUID planId,
            @PathVariable String tier,
            @PathVariable UUID id,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser user,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        try {
            editing.of(Tier.fromPath(tier)).remove(user, id, version);
        } catch (EditConflictException conflict) {
            model.addAttribute("notDeleted", id);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return htmx == null ? page.page(user, planId, true, model) : page.treeFragment(user, planId, model);
        }
        return respond(user, planId, htmx, model);
    }

    /**
     * htmx gets the redrawn tree; a plain form post (before htmx has taken over a new form) gets the whole page, in edit
     * mode, where the change was made.
     */
    private String respond(SignedInUser user, UUID planId, String htmx, Model model) {
        return htmx == null ? "redirect:/plans/" + planId + "?mode=edit" : page.treeFragment(user, planId, model);
    }

    /** The form comes back in the item's place in the tree, not in place of the whole tree (the form's target). */
    private static void inPlace(HttpServletResponse response, UUID id) {
        response.setHeader("HX-Retarget", "#node-" + id);
        response.setHeader("HX-Reswap", "outerHTML");
    }

    private TreeItem item(SignedInUser user, UUID planId, Tier tier, UUID id) {
        return editing.of(tier)
                .item(user.districtId(), id)
                .filter(found -> found.planId().equals(planId))
                .orElseThrow(() -> new NotFoundException("item"));
    }

    private String editForm(SignedInUser user, String tier, TreeItem item, Model model) {
        model.addAttribute("item", item);
        model.addAttribute("tier", tier);
        model.addAttribute("people", directory.people(user.districtId()));
        model.addAttribute("planId", item.planId());
        return EDIT;
    }

    private static TreeItem withVersion(TreeItem item, int version) {
        return new TreeItem(
                item.id(),
                item.planId(),
                item.title(),
                item.titleTranslation(),
                item.ownerId(),
                item.publishable(),
                item.published(),
                version);
    }

    /** A title is required, and at most 300 characters; its translation is optional, and as long at most. */
    static final class Titles {
        private Titles() {}

        static boolean fit(String title) {
            return !title.isBlank() && title.length() <= 300;
        }

        static boolean fitTranslation(String translation) {
            return translation.length() <= 300;
        }
    }
}
