package org.lodestar.engagement.themes;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.needs.Assessment;
import org.lodestar.needs.LinkedTheme;
import org.lodestar.needs.LinkedThemeSource;
import org.lodestar.needs.NeedSummary;
import org.lodestar.needs.NeedsApi;
import org.lodestar.planning.ItemContext;
import org.lodestar.planning.ItemContextSource;
import org.lodestar.planning.PlanNodes;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.springframework.stereotype.Component;

/**
 * Themes' links to needs and to goals and actions, told to the needs module (a need's page lists its themes) and to
 * planning (a goal's or action's page lists the themes it answers), and the needs and items a theme may link to.
 * Only a theme's label, size and page are told: never a comment.
 */
@Component
class ThemeLinks implements LinkedThemeSource, ItemContextSource {

    static final String NEED = "NEED";
    static final String ITEM = "ITEM";

    private final ThemeStore store;
    private final NeedsApi needs;
    private final PlanningApi planning;
    private final DirectoryApi directory;

    ThemeLinks(ThemeStore store, NeedsApi needs, PlanningApi planning, DirectoryApi directory) {
        this.store = store;
        this.needs = needs;
        this.planning = planning;
        this.directory = directory;
    }

    @Override
    public List<LinkedTheme> themesOf(UUID districtId, Collection<UUID> needIds) {
        if (needIds.isEmpty()) {
            return List.of();
        }
        List<ThemeStore.Link> links = store.linksTo(districtId, NEED, needIds);
        Map<UUID, ThemeStore.ThemeRow> themes = themes(districtId, links);
        int minimumN = directory.district(districtId).minimumN();
        return links.stream()
                .filter(link -> themes.containsKey(link.themeId()))
                .map(link -> {
                    ThemeStore.ThemeRow theme = themes.get(link.themeId());
                    return new LinkedTheme(
                            link.targetId(), theme.id(), shownLabel(theme, minimumN), theme.size(), href(theme));
                })
                .toList();
    }

    @Override
    public List<ItemContext> about(UUID districtId, Collection<UUID> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        List<ThemeStore.Link> links = store.linksTo(districtId, ITEM, itemIds);
        Map<UUID, ThemeStore.ThemeRow> themes = themes(districtId, links);
        int minimumN = directory.district(districtId).minimumN();
        return links.stream()
                .filter(link -> themes.containsKey(link.themeId()))
                .map(link -> new ItemContext(
                        link.targetId(),
                        ItemContext.Kind.THEME,
                        shownLabel(themes.get(link.themeId()), minimumN),
                        href(themes.get(link.themeId()))))
                .toList();
    }

    /** The needs of the district's assessments, by id, titled "assessment: need". */
    Map<UUID, String> needsOfDistrict(UUID districtId) {
        return needsOf(districtId, assessment -> true);
    }

    /** The needs of the assessments of the given schools (a school's leader links their school's themes to them). */
    Map<UUID, String> needsOfSchools(UUID districtId, Collection<UUID> schoolIds) {
        return needsOf(
                districtId, assessment -> assessment.schoolId() != null && schoolIds.contains(assessment.schoolId()));
    }

    /** The goals and actions of the given schools' plans, by id, titled "plan: item". */
    Map<UUID, String> itemsOfSchools(UUID districtId, Collection<UUID> schoolIds) {
        return itemsOf(districtId, plan -> plan.schoolId() != null && schoolIds.contains(plan.schoolId()));
    }

    private Map<UUID, String> needsOf(UUID districtId, java.util.function.Predicate<Assessment> which) {
        Map<UUID, String> all = new LinkedHashMap<>();
        needs.assessments(districtId).stream().filter(which).forEach(assessment -> {
            for (NeedSummary need : needs.needs(districtId, assessment.id())) {
                if (need.status() != NeedSummary.Status.MERGED && need.status() != NeedSummary.Status.DISMISSED) {
                    all.put(need.id(), assessment.title() + ": " + need.title());
                }
            }
        });
        return all;
    }

    /** The goals and actions of the district's own plans, by id, titled "plan: item". */
    Map<UUID, String> itemsOfDistrict(UUID districtId) {
        return itemsOf(districtId, plan -> plan.schoolId() == null);
    }

    /** The goals and actions of every plan of the district, the schools' too: the titles of links, for showing. */
    Map<UUID, String> itemsOfAllPlans(UUID districtId) {
        return itemsOf(districtId, plan -> true);
    }

    private Map<UUID, String> itemsOf(UUID districtId, java.util.function.Predicate<PlanSummary> which) {
        Map<UUID, String> all = new LinkedHashMap<>();
        List<PlanSummary> plans =
                planning.plans(districtId).stream().filter(which).toList();
        Map<UUID, PlanNodes> nodes = planning.nodesOfPlans(
                districtId, plans.stream().map(PlanSummary::id).toList());
        for (PlanSummary plan : plans) {
            PlanNodes of = nodes.get(plan.id());
            if (of == null) {
                continue;
            }
            of.goals().forEach(goal -> all.put(goal.id(), plan.title() + ": " + goal.title()));
            of.strategies().forEach(action -> all.put(action.id(), plan.title() + ": " + action.title()));
        }
        return all;
    }

    private Map<UUID, ThemeStore.ThemeRow> themes(UUID districtId, List<ThemeStore.Link> links) {
        Map<UUID, ThemeStore.ThemeRow> themes = new LinkedHashMap<>();
        store.themesById(
                        districtId,
                        links.stream().map(ThemeStore.Link::themeId).distinct().toList())
                .forEach(theme -> themes.put(theme.id(), theme));
        return themes;
    }

    /** Needs and plan items are read by people who do not read comments: a few comments' words are not shown. */
    private static String shownLabel(ThemeStore.ThemeRow theme, int minimumN) {
        return ThemeViews.shownLabel(theme.label(), theme.renamed(), theme.size(), minimumN);
    }

    private static String href(ThemeStore.ThemeRow theme) {
        return "/themes/" + theme.setId() + "#theme-" + theme.id();
    }
}
