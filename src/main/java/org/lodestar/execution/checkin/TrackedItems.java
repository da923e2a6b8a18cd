package org.lodestar.execution.checkin;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.execution.Project;
import org.lodestar.execution.ProjectStatus;
import org.lodestar.execution.domain.ProjectStore;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.MeasuresApi;
import org.lodestar.planning.Outcome;
import org.lodestar.planning.PlanNodes;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.Strategy;
import org.lodestar.shared.Bilingual;
import org.springframework.stereotype.Service;

/**
 * The actions, projects and KPIs that take check-ins, read from the modules that own them: planning's strategies,
 * execution's projects, measures' KPIs, each with its owner and its plan.
 */
@Service
public class TrackedItems {

    private final PlanningApi planning;
    private final MeasuresApi measures;
    private final ProjectStore projects;
    private final DirectoryApi directory;
    private final Clock clock;

    TrackedItems(
            PlanningApi planning, MeasuresApi measures, ProjectStore projects, DirectoryApi directory, Clock clock) {
        this.planning = planning;
        this.measures = measures;
        this.projects = projects;
        this.directory = directory;
        this.clock = clock;
    }

    /** Whether the plan is being carried out: not archived, and its last school year has not ended. */
    public boolean carriedOut(UUID districtId, PlanSummary plan) {
        return carriedOut(plan, thisYear(districtId));
    }

    private static boolean carriedOut(PlanSummary plan, int thisYear) {
        return plan.status() != PlanStatus.ARCHIVED && plan.lastYear() >= thisYear;
    }

    private int thisYear(UUID districtId) {
        return directory.district(districtId).schoolYearOf(LocalDate.now(clock)).startYear();
    }

    /** The item a link names, if it is one of the district's and not removed or archived. */
    public Optional<TrackedItem> find(UUID districtId, ItemRef ref) {
        return switch (ref.kind()) {
            case ACTION -> planning.strategy(districtId, ref.id()).map(s -> action(districtId, s));
            case PROJECT ->
                projects.find(districtId, ref.id())
                        .flatMap(p -> planning.strategy(districtId, p.strategyId())
                                .map(s -> project(p, s, schoolOf(districtId, s.planId()))));
            case KPI ->
                measures.kpi(districtId, ref.id())
                        .flatMap(k -> planning.outcome(districtId, k.outcomeId())
                                .map(o -> kpi(k, o, schoolOf(districtId, o.planId()))));
        };
    }

    /**
     * Every item owners are asked to update: those of the district's plans that are not archived and whose last school
     * year has not ended (a plan of years gone is not carried out any more), projects not done.
     */
    public List<TrackedItem> current(UUID districtId) {
        int thisYear = thisYear(districtId);
        Map<UUID, PlanSummary> plans = new HashMap<>();
        for (PlanSummary plan : planning.plans(districtId)) {
            if (carriedOut(plan, thisYear)) {
                plans.put(plan.id(), plan);
            }
        }
        Map<UUID, PlanNodes> nodes = planning.nodesOfPlans(districtId, plans.keySet());
        List<TrackedItem> items = new ArrayList<>();
        Map<UUID, Strategy> strategies = new HashMap<>();
        Map<UUID, Outcome> outcomes = new HashMap<>();
        nodes.values().forEach(n -> {
            n.strategies().forEach(s -> strategies.put(s.id(), s));
            n.outcomes().forEach(o -> outcomes.put(o.id(), o));
        });
        for (Strategy strategy : strategies.values()) {
            items.add(new TrackedItem(
                    new ItemRef(ItemKind.ACTION, strategy.id()),
                    strategy.titles(),
                    strategy.ownerId(),
                    strategy.planId(),
                    plans.get(strategy.planId()).schoolId()));
        }
        for (Project project : projects.ofStrategies(districtId, strategies.keySet())) {
            if (project.status() != ProjectStatus.DONE) {
                Strategy strategy = strategies.get(project.strategyId());
                items.add(
                        project(project, strategy, plans.get(strategy.planId()).schoolId()));
            }
        }
        for (Kpi kpi : measures.kpis(districtId)) {
            Outcome outcome = outcomes.get(kpi.outcomeId());
            if (outcome != null) {
                items.add(kpi(kpi, outcome, plans.get(outcome.planId()).schoolId()));
            }
        }
        return items;
    }

    private TrackedItem action(UUID districtId, Strategy strategy) {
        return new TrackedItem(
                new ItemRef(ItemKind.ACTION, strategy.id()),
                strategy.titles(),
                strategy.ownerId(),
                strategy.planId(),
                schoolOf(districtId, strategy.planId()));
    }

    private static TrackedItem project(Project project, Strategy strategy, UUID schoolId) {
        return new TrackedItem(
                new ItemRef(ItemKind.PROJECT, project.id()),
                new Bilingual(project.title(), null),
                project.ownerId(),
                strategy.planId(),
                schoolId);
    }

    private static TrackedItem kpi(Kpi kpi, Outcome outcome, UUID schoolId) {
        return new TrackedItem(
                new ItemRef(ItemKind.KPI, kpi.id()), kpi.names(), kpi.ownerId(), outcome.planId(), schoolId);
    }

    private UUID schoolOf(UUID districtId, UUID planId) {
        return planning.plan(districtId, planId).schoolId();
    }
}
