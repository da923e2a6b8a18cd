package org.lodestar.measures.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.School;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.measures.ArchivedKpi;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.KpiOverview;
import org.lodestar.measures.Scorecards;
import org.lodestar.measures.domain.KpiEditing;
import org.lodestar.planning.Goal;
import org.lodestar.planning.PlanNodes;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.shared.BoundedCache;
import org.lodestar.shared.DistrictChanges;
import org.lodestar.shared.GzipParts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the scorecard page shows of a plan, for a goal, school and group: computed once per version of the district's
 * data (see {@link DistrictChanges}) and then reused, and so is its body, rendered (the page but its layout). Every
 * signed-in person of a district reads the same scorecard, so the district, not the person, is in the key; what a
 * person may do with it (record values where the scorecard looks) changes the body, so their {@link Rights} are in
 * the body's key. The layout around the body (the person's name, their form token) is rendered at every request.
 */
@Component
class ScorecardView {

    /**
     * Up to about 200 KB each (60 KPIs with their histories and charts, 200 schools in the filter): about 13 MB at most,
     * for the filters people are looking at now; an older one is computed again when asked for.
     */
    static final int MAX_VIEWS = 64;

    /** Bodies of those views, rendered, for each kind of rights asked for: some hundreds of kilobytes each. */
    static final int MAX_BODIES = 64;

    private final Scorecards scorecards;
    private final PlanningApi planning;
    private final DirectoryApi directory;
    private final DistrictChanges changes;
    private final Charts charts;
    private final MessageSource messages;
    private final BoundedCache<Key, Shown> views = new BoundedCache<>(MAX_VIEWS);
    private final BoundedCache<BodyKey, GzipParts.Part> bodies = new BoundedCache<>(MAX_BODIES);

    ScorecardView(
            Scorecards scorecards,
            PlanningApi planning,
            DirectoryApi directory,
            DistrictChanges changes,
            Charts charts,
            MessageSource messages) {
        this.scorecards = scorecards;
        this.planning = planning;
        this.directory = directory;
        this.changes = changes;
        this.charts = charts;
        this.messages = messages;
    }

    /**
     * A goal's KPIs with their overviews, chart specs and chart labels, in the goal's order. The labels are made here,
     * once, rather than by the template at every request: a message with an argument is formatted under a lock that
     * every request shares, which held back 40 of 50 concurrent requests (seen in thread dumps of the load benchmark).
     */
    record GoalCard(Goal goal, List<KpiOverview> kpis, Map<UUID, String> charts, Map<UUID, String> labels) {}

    record Filter(UUID plan, UUID goal, UUID school, String group) {}

    /** Everything the page shows but the layout. */
    record Shown(
            List<PlanSummary> plans,
            List<School> schools,
            List<StudentGroup> groups,
            Filter filter,
            PlanSummary plan,
            List<ArchivedKpi> archived,
            List<GoalCard> cards,
            List<Goal> goals) {}

    private record Key(UUID district, long version, Filter asked, String language) {}

    /**
     * What the person may do with the scorecard shown, which the body shows or not: record values (a link on each KPI)
     * where the scorecard looks. A new per-person part of the body must be added here, or rendered outside it.
     */
    record Rights(boolean record) {

        static Rights of(SignedInUser user, Shown shown) {
            return new Rights(shown.plan() != null
                    && KpiEditing.mayRecord(user, shown.plan(), shown.filter().school()));
        }
    }

    private record BodyKey(Key view, Rights rights) {}

    /** Renders a view and the person's rights into the body's markup. */
    interface Renderer {
        String render(Shown shown, Rights rights);
    }

    /**
     * The body of the scorecard as this person sees it, as it reads and compressed (see {@link GzipParts}): from the
     * cache, or computed and rendered now.
     */
    GzipParts.Part body(SignedInUser user, Filter asked, Locale locale, Renderer renderer) {
        UUID district = user.districtId();
        var version = changes.version(district); // before the data, so that a change in between makes a new key
        if (version.isEmpty()) {
            Shown shown = compute(district, asked, locale);
            return part(renderer.render(shown, Rights.of(user, shown)));
        }
        Key key = new Key(district, version.getAsLong(), asked, locale.toLanguageTag());
        Shown shown = views.get(key, () -> compute(district, asked, locale));
        Rights rights = Rights.of(user, shown);
        return bodies.get(new BodyKey(key, rights), () -> part(renderer.render(shown, rights)));
    }

    private static GzipParts.Part part(String html) {
        return GzipParts.part(html.getBytes(StandardCharsets.UTF_8));
    }

    private Shown compute(UUID district, Filter asked, Locale locale) {
        PlanSummary chosen = asked.plan() != null
                ? planning.plan(district, asked.plan())
                : planning.districtStrategicPlan(district).orElse(null);
        UUID school = asked.school();
        if (school == null && chosen != null && chosen.schoolId() != null) {
            school = chosen.schoolId(); // a school's plan is measured at that school
        }
        UUID goal = asked.goal();
        Filter filter = new Filter(chosen == null ? null : chosen.id(), goal, school, asked.group());
        List<PlanSummary> plans = planning.plans(district);
        List<School> schools = directory.schools(district);
        List<StudentGroup> groups = directory.studentGroups(district);
        List<ArchivedKpi> archived = scorecards.archived(district);
        if (chosen == null) {
            return new Shown(plans, schools, groups, filter, null, archived, List.of(), List.of());
        }
        PlanNodes nodes = planning.nodesOfPlan(district, chosen.id());
        List<Goal> goals = nodes.goals();
        List<Kpi> kpis = scorecards.kpisOfOutcomes(district, nodes.outcomeIds()).stream()
                .filter(kpi -> goal == null || goal.equals(nodes.goalOf(kpi.outcomeId())))
                .toList();
        List<KpiOverview> overviews = scorecards.overviews(district, kpis, school, asked.group());
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
            Map<UUID, String> labels = new LinkedHashMap<>();
            ofGoal.forEach(o -> {
                specs.put(o.kpi().id(), charts.trend(o, actual, target));
                labels.put(
                        o.kpi().id(),
                        messages.getMessage(
                                "kpi.chartLabel", new Object[] {o.kpi().name()}, locale));
            });
            cards.add(new GoalCard(g, ofGoal, specs, labels));
        }
        return new Shown(plans, schools, groups, filter, chosen, archived, cards, goals);
    }
}
