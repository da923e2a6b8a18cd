package org.lodestar.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.Grant;
import org.lodestar.directory.Role;
import org.lodestar.directory.School;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.execution.ExecutionApi;
import org.lodestar.execution.Project;
import org.lodestar.execution.ProjectStatus;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.KpiStanding;
import org.lodestar.measures.Scorecards;
import org.lodestar.planning.Alignment;
import org.lodestar.planning.Goal;
import org.lodestar.planning.PlanNodes;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.RollUp;
import org.lodestar.planning.Strategy;
import org.lodestar.shared.Bilingual;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The home page of each kind of person, read through the modules' APIs: a planner's district plan at a glance with
 * what needs attention, a principal's school plans, a contributor's KPIs to record, the board's scorecard summary.
 * Each reads a fixed number of statements (a few per plan or school shown), never one per KPI or project.
 */
@Service
class HomePages {

    private final PlanningApi planning;
    private final Scorecards scorecards;
    private final ExecutionApi execution;
    private final DirectoryApi directory;
    private final MessageSource messages;
    private final JsonMapper json;

    HomePages(
            PlanningApi planning,
            Scorecards scorecards,
            ExecutionApi execution,
            DirectoryApi directory,
            MessageSource messages,
            JsonMapper json) {
        this.planning = planning;
        this.scorecards = scorecards;
        this.execution = execution;
        this.directory = directory;
        this.messages = messages;
        this.json = json;
    }

    /** A goal's status (the worst of its KPIs with data, as on the scorecard) and how many KPIs stand where. */
    record GoalStatus(Goal goal, String status, Map<String, Integer> counts, int kpis) {}

    /** The district plan by goal, with the chart's description for lodestar.js; {@code plan} null when none exists. */
    record PlanGlance(PlanSummary plan, List<GoalStatus> goals, Map<String, Integer> totals, String chart) {}

    /** A KPI whose latest value moved it to another status, under its goal. */
    record Change(KpiStanding standing, Goal goal) {}

    /** An item of the plan that nobody owns, with the page it is seen on. */
    /** @param titles the item's title in both languages, shown in the reader's */
    record Unowned(Bilingual titles, String href) {}

    /** A project past its due date and not done, or blocked. */
    record LateProject(Project project, Strategy strategy, boolean overdue) {}

    record DistrictHome(
            PlanGlance glance, List<Change> changes, Map<String, List<Unowned>> unowned, List<LateProject> late) {}

    record BoardHome(PlanGlance glance) {}

    /** A school goal with the district goals it takes up and why. */
    record AlignedGoal(Goal goal, List<Aligned> districtGoals) {}

    record Aligned(Goal districtGoal, String rationale) {}

    record SchoolPlan(PlanSummary plan, List<AlignedGoal> goals, List<KpiStanding> kpis) {}

    /** A school a person leads: its own plans, and the district plan's KPIs measured at the school. */
    record LedSchool(School school, List<SchoolPlan> plans, List<KpiStanding> districtKpis) {}

    record SchoolHome(List<LedSchool> schools) {}

    /** Where a contributor records ({@code school} null: the district), and the KPIs they may record there. */
    record RecordingPlace(School school, List<KpiStanding> kpis) {}

    record ContributorHome(List<RecordingPlace> places) {}

    /** @param language the district's language, the one its plan was entered in (a translation is in the other) */
    DistrictHome district(SignedInUser user, Locale locale, String language) {
        UUID district = user.districtId();
        PlanSummary plan = planning.districtStrategicPlan(district).orElse(null);
        if (plan == null) {
            return new DistrictHome(glance(null, null, List.of(), locale, language), List.of(), Map.of(), List.of());
        }
        PlanNodes nodes = planning.nodesOfPlan(district, plan.id());
        List<KpiStanding> standings = standings(district, nodes.outcomeIds(), null);
        Map<UUID, Goal> goals = byId(nodes.goals(), Goal::id);
        List<Change> changes = standings.stream()
                .filter(KpiStanding::changed)
                .map(s -> new Change(s, goals.get(nodes.goalOf(s.kpi().outcomeId()))))
                .toList();
        Map<UUID, Strategy> strategies = byId(nodes.strategies(), Strategy::id);
        List<Project> projects = execution.projectsOfStrategies(district, strategies.keySet());
        LocalDate today = LocalDate.now();
        List<LateProject> late = projects.stream()
                .filter(p -> p.status() == ProjectStatus.BLOCKED || overdue(p, today))
                .map(p -> new LateProject(p, strategies.get(p.strategyId()), overdue(p, today)))
                .toList();
        return new DistrictHome(
                glance(plan, nodes, standings, locale, language),
                changes,
                unowned(nodes, standings, projects, strategies),
                late);
    }

    BoardHome board(SignedInUser user, Locale locale, String language) {
        UUID district = user.districtId();
        PlanSummary plan = planning.districtStrategicPlan(district).orElse(null);
        if (plan == null) {
            return new BoardHome(glance(null, null, List.of(), locale, language));
        }
        PlanNodes nodes = planning.nodesOfPlan(district, plan.id());
        return new BoardHome(glance(plan, nodes, standings(district, nodes.outcomeIds(), null), locale, language));
    }

    SchoolHome school(SignedInUser user) {
        UUID district = user.districtId();
        List<PlanSummary> plans = planning.plans(district);
        Map<UUID, Goal> allGoals = byId(planning.goals(district), Goal::id);
        List<Alignment> alignments = planning.alignments(district);
        Set<UUID> districtOutcomes = districtPlanOutcomes(district);
        List<LedSchool> schools = new ArrayList<>();
        for (UUID schoolId : new LinkedHashSet<>(user.ledSchools())) {
            School school = directory.school(district, schoolId).orElse(null);
            if (school == null) {
                continue;
            }
            List<PlanSummary> ofSchool =
                    plans.stream().filter(p -> schoolId.equals(p.schoolId())).toList();
            Map<UUID, PlanNodes> nodes = planning.nodesOfPlans(
                    district, ofSchool.stream().map(PlanSummary::id).toList());
            Set<UUID> outcomes = new LinkedHashSet<>(districtOutcomes);
            nodes.values().forEach(n -> outcomes.addAll(n.outcomeIds()));
            // one look at the school's values serves its own plans and the district's KPIs alike
            List<KpiStanding> standings = standings(district, outcomes, schoolId);
            List<SchoolPlan> schoolPlans = ofSchool.stream()
                    .map(p -> schoolPlan(p, nodes.get(p.id()), standings, allGoals, alignments))
                    .toList();
            List<KpiStanding> districtKpis = standings.stream()
                    .filter(s -> districtOutcomes.contains(s.kpi().outcomeId()))
                    .filter(s -> s.kpi().fits(school.level()))
                    .toList();
            schools.add(new LedSchool(school, schoolPlans, districtKpis));
        }
        return new SchoolHome(schools);
    }

    ContributorHome contributor(SignedInUser user) {
        UUID district = user.districtId();
        List<PlanSummary> plans = planning.plans(district);
        Set<UUID> districtOutcomes = districtPlanOutcomes(district);
        List<RecordingPlace> places = new ArrayList<>();
        for (UUID schoolId : contributingSchools(user)) {
            Set<UUID> outcomes = new LinkedHashSet<>(districtOutcomes);
            // a school's own plan is recorded at that school only, the district plan anywhere one contributes
            List<UUID> ofSchool = plans.stream()
                    .filter(p -> schoolId != null && schoolId.equals(p.schoolId()))
                    .map(PlanSummary::id)
                    .toList();
            planning.nodesOfPlans(district, ofSchool).values().forEach(n -> outcomes.addAll(n.outcomeIds()));
            School school = schoolId == null
                    ? null
                    : directory.school(district, schoolId).orElse(null);
            if (schoolId == null || school != null) {
                // a district KPI about other levels of school (graduation, for an elementary teacher) is not theirs
                places.add(new RecordingPlace(
                        school,
                        standings(district, outcomes, schoolId).stream()
                                .filter(s -> school == null || s.kpi().fits(school.level()))
                                .toList()));
            }
        }
        return new ContributorHome(places);
    }

    /** The schools a person contributes to (null: the district, for a district-wide grant), in their grants' order. */
    static List<UUID> contributingSchools(SignedInUser user) {
        return user.grants().stream()
                .filter(g -> g.role() == Role.CONTRIBUTOR)
                .map(Grant::schoolId)
                .distinct()
                .toList();
    }

    private Set<UUID> districtPlanOutcomes(UUID district) {
        return planning.districtStrategicPlan(district)
                .map(p -> planning.nodesOfPlan(district, p.id()).outcomeIds())
                .orElse(Set.of());
    }

    private List<KpiStanding> standings(UUID district, Collection<UUID> outcomeIds, UUID schoolId) {
        if (outcomeIds.isEmpty()) {
            return List.of();
        }
        List<Kpi> kpis = scorecards.kpisOfOutcomes(district, outcomeIds);
        return scorecards.overviews(district, kpis, schoolId, StudentGroup.ALL).stream()
                .map(KpiStanding::of)
                .toList();
    }

    private static SchoolPlan schoolPlan(
            PlanSummary plan,
            PlanNodes nodes,
            List<KpiStanding> standings,
            Map<UUID, Goal> allGoals,
            List<Alignment> alignments) {
        List<AlignedGoal> goals = nodes.goals().stream()
                .map(goal -> new AlignedGoal(
                        goal,
                        alignments.stream()
                                .filter(a -> a.schoolGoalId().equals(goal.id()))
                                .filter(a -> allGoals.containsKey(a.districtGoalId()))
                                .map(a -> new Aligned(allGoals.get(a.districtGoalId()), a.rationale()))
                                .toList()))
                .toList();
        List<KpiStanding> kpis = standings.stream()
                .filter(s -> nodes.goalOf(s.kpi().outcomeId()) != null)
                .toList();
        return new SchoolPlan(plan, goals, kpis);
    }

    private PlanGlance glance(
            PlanSummary plan, PlanNodes nodes, List<KpiStanding> standings, Locale locale, String language) {
        if (plan == null) {
            return new PlanGlance(null, List.of(), StatusCounts.of(List.of()), null);
        }
        Map<UUID, List<String>> statusesByGoal = standings.stream()
                .collect(Collectors.groupingBy(
                        s -> nodes.goalOf(s.kpi().outcomeId()),
                        Collectors.mapping(KpiStanding::status, Collectors.toList())));
        List<GoalStatus> goals = nodes.goals().stream()
                .map(goal -> {
                    List<String> statuses = statusesByGoal.getOrDefault(goal.id(), List.of());
                    return new GoalStatus(goal, RollUp.of(statuses), StatusCounts.of(statuses), statuses.size());
                })
                .toList();
        Map<String, Integer> totals =
                StatusCounts.of(standings.stream().map(KpiStanding::status).toList());
        return new PlanGlance(plan, goals, totals, chart(goals, locale, language));
    }

    private String chart(List<GoalStatus> goals, Locale locale, String language) {
        return StatusCounts.chart(
                goals.stream()
                        .map(g -> g.goal()
                                .titles()
                                .in(locale.getLanguage(), language)
                                .toString())
                        .toList(),
                goals.stream().map(GoalStatus::counts).toList(),
                messages,
                locale,
                json);
    }

    /** Plan items without an owner, by tier (goal, outcome, strategy, kpi, project), each tier only when it has any. */
    private static Map<String, List<Unowned>> unowned(
            PlanNodes nodes, List<KpiStanding> standings, List<Project> projects, Map<UUID, Strategy> strategies) {
        Map<String, List<Unowned>> unowned = new LinkedHashMap<>();
        unowned.put(
                "goal",
                nodes.goals().stream()
                        .filter(g -> g.ownerId() == null)
                        .map(g -> new Unowned(g.titles(), "/goals/" + g.id()))
                        .toList());
        unowned.put(
                "outcome",
                nodes.outcomes().stream()
                        .filter(o -> o.ownerId() == null)
                        .map(o -> new Unowned(o.titles(), "/goals/" + o.goalId()))
                        .toList());
        unowned.put(
                "strategy",
                nodes.strategies().stream()
                        .filter(s -> s.ownerId() == null)
                        .map(s -> new Unowned(s.titles(), "/goals/" + s.goalId()))
                        .toList());
        unowned.put(
                "kpi",
                standings.stream()
                        .map(KpiStanding::kpi)
                        .filter(k -> k.ownerId() == null)
                        .map(k -> new Unowned(k.names(), "/kpis/" + k.id()))
                        .toList());
        unowned.put(
                "project",
                projects.stream()
                        .filter(p -> p.ownerId() == null)
                        .map(p -> new Unowned(
                                new Bilingual(p.title(), null),
                                "/goals/" + strategies.get(p.strategyId()).goalId()))
                        .toList());
        unowned.values().removeIf(List::isEmpty);
        return unowned;
    }

    private static boolean overdue(Project project, LocalDate today) {
        return project.status() != ProjectStatus.DONE
                && project.dueDate() != null
                && project.dueDate().isBefore(today);
    }

    private static <T> Map<UUID, T> byId(List<T> items, Function<T, UUID> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
