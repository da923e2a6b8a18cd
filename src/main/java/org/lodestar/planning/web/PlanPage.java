package org.lodestar.planning.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.Alignment;
import org.lodestar.planning.Goal;
import org.lodestar.planning.ImprovementLink;
import org.lodestar.planning.ItemUpdate;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanTree;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.UpdateSource;
import org.lodestar.planning.compliance.PlanLevel;
import org.lodestar.planning.domain.ComplianceFrameworks;
import org.lodestar.planning.domain.ImprovementPlans;
import org.lodestar.planning.domain.PlanEditing;
import org.lodestar.planning.domain.PlanReview;
import org.lodestar.shared.BoundedCache;
import org.lodestar.shared.DistrictChanges;
import org.lodestar.shared.Templates;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the plan page and its tree (redrawn by htmx after every change) show. The page reads first: everyone gets the
 * reading view (status, owners, progress, due dates, no inputs). Edit mode ({@code ?mode=edit}) adds the controls
 * and the forms, for those who may edit the plan; anyone else asking for it gets the reading view rather than an
 * error, since a link to edit mode is shared as a link to the plan.
 *
 * <p>The reading view is the same for every reader of the district who may do the same with the plan: what it shows is
 * read once per version of the district's data (see {@link DistrictChanges}) and day (a project's due date passes),
 * and its markup (all but the layout) is kept per language and rights, as the scorecard's.
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
    private final DistrictChanges changes;
    private final Templates templates;
    private final List<UpdateSource> updateSources;
    private final BoundedCache<Key, Map<String, Object>> views = new BoundedCache<>(MAX_VIEWS);
    private final BoundedCache<BodyKey, String> bodies = new BoundedCache<>(MAX_VIEWS);

    /** The reading view of plans people are reading now, some tens of kilobytes each. */
    static final int MAX_VIEWS = 64;

    /** The page's content in reading mode, without the layout, put in the layout with {@code body}. */
    static final String CONTENT = "planning/plan :: content";

    PlanPage(
            PlanningApi planning,
            PlanEditing editing,
            DirectoryApi directory,
            ImprovementPlans improvementPlans,
            ComplianceFrameworks frameworks,
            PlanReview review,
            DistrictChanges changes,
            Templates templates,
            List<UpdateSource> updateSources) {
        this.review = review;
        this.planning = planning;
        this.editing = editing;
        this.directory = directory;
        this.improvementPlans = improvementPlans;
        this.frameworks = frameworks;
        this.changes = changes;
        this.templates = templates;
        this.updateSources = updateSources;
    }

    private record Key(UUID district, long version, UUID plan, LocalDate today) {}

    /** What the reader may do that the reading view shows (the edit button), in the page's language. */
    private record BodyKey(Key view, boolean canEdit, String language) {}

    /** The whole page, in edit mode if asked for and allowed; the reading view as kept. */
    String page(SignedInUser user, UUID planId, boolean editMode, Model model) {
        return page(user, planId, editMode, plan -> false, model);
    }

    /**
     * The page, or for edit mode of a plan whose changes must first say why ({@code mustSayWhy}, an adopted plan this
     * sitting gave no reason for), the way to the reason's form: decided from the plan the page reads anyway.
     */
    String page(
            SignedInUser user,
            UUID planId,
            boolean editMode,
            java.util.function.Predicate<PlanSummary> mustSayWhy,
            Model model) {
        UUID district = user.districtId();
        var version = changes.version(district); // before the data, so that a change in between makes a new key
        Key key = version.isEmpty() ? null : new Key(district, version.getAsLong(), planId, LocalDate.now());
        Map<String, Object> shown = key == null
                ? shown(user, planId)
                : views.get(key, () -> Collections.unmodifiableMap(new LinkedHashMap<>(shown(user, planId))));
        PlanTree tree = (PlanTree) shown.get("tree");
        boolean canEdit = editing.canEdit(user, tree.plan());
        if (editMode && canEdit && mustSayWhy.test(tree.plan())) {
            return "redirect:/plans/" + planId + "/reason";
        }
        model.addAllAttributes(shown);
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("editing", editMode && canEdit);
        // a page with a message of its own (?imported=12, after an import) is not the one kept for everyone
        boolean alike = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest().getParameterMap().keySet().stream()
                        .allMatch(name -> name.equals("mode") || name.equals("lang"));
        if (key != null && alike && !(editMode && canEdit)) {
            String language = LocaleContextHolder.getLocale().toLanguageTag();
            model.addAttribute(
                    "body",
                    bodies.get(new BodyKey(key, canEdit, language), () -> templates.render(CONTENT, model.asMap())));
        }
        return PAGE;
    }

    /** What the page shows of a plan, the same for every reader of the district, by model attribute. */
    private Map<String, Object> shown(SignedInUser user, UUID planId) {
        Model model = new ExtendedModelMap();
        PlanTree tree = tree(user, planId, false, model);
        if (!tree.plan().districtPlan()) {
            directory
                    .school(user.districtId(), tree.plan().schoolId())
                    .ifPresent(school -> model.addAttribute("school", school));
        }
        Optional<ImprovementLink> link = improvementPlans.link(user.districtId(), planId);
        improvement(user, tree.plan(), link, model);
        model.addAttribute("reviewCount", PlanReview.count(review.review(user.districtId(), tree, link.isPresent())));
        model.asMap().remove("canEdit");
        model.asMap().remove("editing");
        return model.asMap();
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
        Map<UUID, ItemUpdate> updates = new HashMap<>();
        updateSources.forEach(source -> updates.putAll(source.updates(user.districtId(), tree)));
        model.addAttribute("updates", updates);
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
