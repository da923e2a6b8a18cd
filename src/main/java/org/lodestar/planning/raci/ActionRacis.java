package org.lodestar.planning.raci;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.Grant;
import org.lodestar.directory.School;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.ActionDetail;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanNodes;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlannedProject;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.ProjectSource;
import org.lodestar.planning.Strategy;
import org.lodestar.planning.domain.ImprovementPlans;
import org.lodestar.planning.domain.ImprovementPlans.ActionInPlan;
import org.lodestar.shared.AuditValue;
import org.lodestar.shared.AuditableChange;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * RACI charts of actions: read by everyone of the district, changed by whoever may change the action's plan (planners
 * for district plans, the school's leaders for its plans), each save checked against the version it was read at and
 * audited with the plan's other changes; and the leadership view built from them.
 */
@Service
@Transactional
public class ActionRacis {

    /** The most people one action's chart holds: a chart is a handful of names, never a staff list. */
    public static final int MAX_PEOPLE = 50;

    private final RaciStore store;
    private final ImprovementPlans actions;
    private final PlanningApi planning;
    private final DirectoryApi directory;
    private final List<ProjectSource> projectSources;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActionRacis(
            RaciStore store,
            ImprovementPlans actions,
            PlanningApi planning,
            DirectoryApi directory,
            List<ProjectSource> projectSources,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.actions = actions;
        this.planning = planning;
        this.directory = directory;
        this.projectSources = projectSources;
        this.events = events;
        this.clock = clock;
    }

    /** The chart of an action of the reader's district (empty when none was made); not found for another's. */
    @Transactional(readOnly = true)
    public Raci raci(SignedInUser user, UUID strategyId) {
        planning.strategy(user.districtId(), strategyId).orElseThrow(() -> new NotFoundException("action"));
        return store.of(user.districtId(), List.of(strategyId)).getOrDefault(strategyId, Raci.empty(strategyId));
    }

    /** The charts of the given actions, by action (those never charted are left out). */
    @Transactional(readOnly = true)
    public Map<UUID, Raci> racis(UUID districtId, Collection<UUID> strategyIds) {
        return store.of(districtId, strategyIds);
    }

    /**
     * Replaces an action's chart, if nobody saved it since {@code version} was read; a person with no letter is left
     * out. Refused for someone who may not change the action's plan, for a person of another district and beyond
     * {@link #MAX_PEOPLE} people; not refused for an action without exactly one Accountable (flagged instead).
     */
    public void save(SignedInUser user, UUID strategyId, List<RaciEntry> entries, int version) {
        ActionInPlan action = actions.action(user, strategyId);
        ForbiddenException.unless(action.editable());
        List<RaciEntry> kept =
                entries.stream().filter(entry -> !entry.roles().isEmpty()).toList();
        if (kept.size() > MAX_PEOPLE
                || kept.stream().map(RaciEntry::personId).distinct().count() != kept.size()) {
            throw new IllegalArgumentException("a RACI chart names each person once, at most " + MAX_PEOPLE);
        }
        Set<UUID> ofDistrict = directory.namesById(user.districtId()).keySet();
        if (!kept.stream().allMatch(entry -> ofDistrict.contains(entry.personId()))) {
            throw new NotFoundException("person");
        }
        Raci before = store.of(user.districtId(), List.of(strategyId)).getOrDefault(strategyId, Raci.empty(strategyId));
        EditConflictException.unlessSaved(store.replace(user.districtId(), strategyId, kept, version), "action");
        Raci after = new Raci(strategyId, kept, version + 1);
        events.publishEvent(AuditableChange.updated(
                        user.districtId(),
                        user.email(),
                        "Strategy",
                        strategyId,
                        action.strategy().title(),
                        fields(before),
                        fields(after))
                .within(action.plan().id()));
    }

    private static Map<String, Object> fields(Raci raci) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RaciRole role : RaciRole.values()) {
            fields.put(
                    "raci.field." + role.name(),
                    AuditValue.list(
                            raci.holding(role).stream().map(AuditValue::person).toList()));
        }
        return fields;
    }

    /**
     * The leadership view of the plans the reader may see: everything of the district for a district-wide grant, else
     * only the plans of their schools. {@code planId} (one of those) wins over {@code schoolYear}; without either, the
     * plans covering the current school year.
     */
    @Transactional(readOnly = true)
    public Leadership leadership(SignedInUser user, UUID planId, Integer schoolYear) {
        UUID districtId = user.districtId();
        LocalDate today = LocalDate.now(clock);
        List<PlanSummary> inScope = planning.plans(districtId).stream()
                .filter(plan -> inScope(user, plan))
                .toList();
        int current = directory.district(districtId).schoolYearOf(today).startYear();
        // without a choice: this school year, or the latest one with an improvement plan when this one has none yet
        int year = schoolYear != null
                ? schoolYear
                : inScope.stream()
                        .filter(plan -> plan.kind() == PlanKind.IMPROVEMENT && plan.firstYear() <= current)
                        .mapToInt(PlanSummary::firstYear)
                        .max()
                        .orElse(current);
        List<PlanSummary> shown;
        if (planId != null) {
            shown = inScope.stream().filter(plan -> plan.id().equals(planId)).toList();
            if (shown.isEmpty()) {
                throw new NotFoundException("plan");
            }
            year = shown.get(0).firstYear();
        } else {
            int chosen = year;
            shown = inScope.stream()
                    .filter(plan -> plan.firstYear() <= chosen && chosen <= plan.lastYear())
                    .toList();
        }
        TreeSet<Integer> years = new TreeSet<>();
        inScope.forEach(plan -> {
            for (int y = plan.firstYear(); y <= plan.lastYear() && years.size() < 100; y++) {
                years.add(y);
            }
        });
        years.add(year);

        Map<UUID, PlanNodes> nodes = planning.nodesOfPlans(
                districtId, shown.stream().map(PlanSummary::id).toList());
        Map<UUID, PlanSummary> planById = shown.stream().collect(Collectors.toMap(PlanSummary::id, plan -> plan));
        List<Strategy> strategies = new ArrayList<>();
        nodes.values().forEach(plan -> strategies.addAll(plan.strategies()));
        List<UUID> strategyIds = strategies.stream().map(Strategy::id).toList();
        Map<UUID, Raci> charts = store.of(districtId, strategyIds);
        Map<UUID, ActionDetail> details = actions.details(districtId, strategyIds);
        // an improvement plan's action taken from the strategic plan is carried out by that strategy's projects
        Map<UUID, UUID> takenFrom = planning.takenFromStrategicPlan(districtId, strategyIds);
        List<UUID> withSources = new ArrayList<>(strategyIds);
        withSources.addAll(takenFrom.values());
        Map<UUID, List<PlannedProject>> projects = projectsOf(districtId, withSources);
        Map<UUID, String> names = directory.namesById(districtId);
        Map<UUID, School> schools = directory.schoolsById(districtId);

        Map<UUID, List<Leadership.ActionLine>> accountableFor = new LinkedHashMap<>();
        Map<UUID, List<Leadership.ActionLine>> responsibleFor = new LinkedHashMap<>();
        Map<UUID, List<Leadership.ActionLine>> bySchool = new LinkedHashMap<>();
        Map<UUID, Set<UUID>> accountableAt = new HashMap<>();
        for (Strategy strategy : strategies) {
            PlanSummary plan = planById.get(strategy.planId());
            Raci raci = charts.getOrDefault(strategy.id(), Raci.empty(strategy.id()));
            List<PlannedProject> its = projects.getOrDefault(strategy.id(), List.of());
            if (its.isEmpty() && takenFrom.containsKey(strategy.id())) {
                its = projects.getOrDefault(takenFrom.get(strategy.id()), List.of());
            }
            String status = status(its);
            ActionDetail detail = details.get(strategy.id());
            LocalDate due = detail != null && detail.end() != null
                    ? detail.end()
                    : its.stream()
                            .map(PlannedProject::dueDate)
                            .filter(Objects::nonNull)
                            .max(Comparator.naturalOrder())
                            .orElse(null);
            Leadership.ActionLine line = new Leadership.ActionLine(
                    strategy,
                    plan,
                    status,
                    due,
                    due != null && due.isBefore(today) && !"DONE".equals(status),
                    nameAll(raci.holding(RaciRole.ACCOUNTABLE), names),
                    nameAll(raci.holding(RaciRole.RESPONSIBLE), names));
            bySchool.computeIfAbsent(plan.schoolId() == null ? DISTRICT : plan.schoolId(), id -> new ArrayList<>())
                    .add(line);
            for (UUID person : raci.holding(RaciRole.ACCOUNTABLE)) {
                accountableFor.computeIfAbsent(person, id -> new ArrayList<>()).add(line);
                accountableAt
                        .computeIfAbsent(plan.schoolId() == null ? DISTRICT : plan.schoolId(), id -> new HashSet<>())
                        .add(person);
            }
            for (UUID person : raci.holding(RaciRole.RESPONSIBLE)) {
                responsibleFor.computeIfAbsent(person, id -> new ArrayList<>()).add(line);
            }
        }
        Set<UUID> people = new HashSet<>(accountableFor.keySet());
        people.addAll(responsibleFor.keySet());
        Map<UUID, Leadership.PersonLoad> loads = new HashMap<>();
        for (UUID person : people) {
            loads.put(
                    person,
                    new Leadership.PersonLoad(
                            person,
                            names.getOrDefault(person, "?"),
                            accountableFor.getOrDefault(person, List.of()),
                            responsibleFor.getOrDefault(person, List.of())));
        }
        List<Leadership.PersonLoad> byPerson = loads.values().stream()
                .sorted(Comparator.comparing((Leadership.PersonLoad load) ->
                                -load.accountable().size())
                        .thenComparing(load -> -load.responsible().size())
                        .thenComparing(Leadership.PersonLoad::name))
                .toList();
        List<Leadership.SchoolLoad> schoolLoads = new ArrayList<>();
        // the district's own plans first, then the schools by name
        List<UUID> order = new ArrayList<>(bySchool.keySet());
        order.sort(Comparator.comparing((UUID id) -> id.equals(DISTRICT) ? 0 : 1)
                .thenComparing(id -> id.equals(DISTRICT)
                        ? ""
                        : schools.containsKey(id) ? schools.get(id).name() : ""));
        for (UUID school : order) {
            List<Leadership.PersonLoad> overloaded = accountableAt.getOrDefault(school, Set.of()).stream()
                    .map(loads::get)
                    .filter(Leadership.PersonLoad::overloaded)
                    .sorted(Comparator.comparing(Leadership.PersonLoad::name))
                    .toList();
            schoolLoads.add(new Leadership.SchoolLoad(
                    school.equals(DISTRICT) ? null : school,
                    school.equals(DISTRICT)
                            ? null
                            : schools.containsKey(school) ? schools.get(school).name() : "?",
                    bySchool.get(school),
                    overloaded));
        }
        return new Leadership(inScope, List.copyOf(years), planId, year, byPerson, schoolLoads);
    }

    /** Stands for "the district's own plans" among the schools (no school has the nil id). */
    private static final UUID DISTRICT = new UUID(0, 0);

    /** Whether the reader sees the plan: any district-wide grant sees all, a school grant its school's plans. */
    static boolean inScope(SignedInUser user, PlanSummary plan) {
        if (user.grants().stream().anyMatch(Grant::districtWide)) {
            return true;
        }
        return plan.schoolId() != null
                && user.grants().stream().anyMatch(grant -> plan.schoolId().equals(grant.schoolId()));
    }

    private Map<UUID, List<PlannedProject>> projectsOf(UUID districtId, List<UUID> strategyIds) {
        Map<UUID, List<PlannedProject>> projects = new HashMap<>();
        if (strategyIds.isEmpty()) {
            return projects;
        }
        for (ProjectSource source : projectSources) {
            source.projects(districtId, strategyIds)
                    .forEach(project -> projects.computeIfAbsent(project.strategyId(), id -> new ArrayList<>())
                            .add(project));
        }
        return projects;
    }

    /** An action's status from its projects: blocked, off track or at risk if one is, done when all are. */
    static String status(List<PlannedProject> projects) {
        if (projects.isEmpty()) {
            return null;
        }
        for (String worst : List.of("BLOCKED", "OFF_TRACK", "AT_RISK")) {
            if (projects.stream().anyMatch(project -> worst.equals(project.status()))) {
                return worst;
            }
        }
        if (projects.stream().allMatch(PlannedProject::done)) {
            return "DONE";
        }
        return projects.stream().allMatch(project -> "NOT_STARTED".equals(project.status()))
                ? "NOT_STARTED"
                : "ON_TRACK";
    }

    private static List<String> nameAll(List<UUID> people, Map<UUID, String> names) {
        return people.stream().map(id -> names.getOrDefault(id, "?")).toList();
    }
}
