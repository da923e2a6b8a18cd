package org.lodestar.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.Strategy;
import org.lodestar.planning.raci.ActionRacis;
import org.lodestar.planning.raci.RaciEntry;
import org.lodestar.planning.raci.RaciRole;

/**
 * RACI charts of the demo district's actions, made by who edits each plan: in the district's plans the action's owner
 * (the planner where it has none) is Accountable, the curriculum director Responsible beside the owner, the principals
 * Consulted and the board Informed; in a school's plan its principal is Accountable, the teacher (Cedar) or the
 * planner Responsible and the planner Informed. One action of the district's improvement plan is deliberately left
 * without an Accountable, so that the flag shows on its page and on the leadership view.
 */
final class DemoRaci {

    private final PlanningApi planning;
    private final ActionRacis racis;
    private final DemoPeople people;

    DemoRaci(PlanningApi planning, ActionRacis racis, DemoPeople people) {
        this.planning = planning;
        this.racis = racis;
        this.people = people;
    }

    void load() {
        SignedInUser planner = people.as("planner");
        SignedInUser principal = people.as("principal");
        UUID cedar = principal.ledSchools().get(0);
        boolean leftOneOut = false;
        for (PlanSummary plan : planning.plans(planner.districtId())) {
            List<Strategy> actions =
                    planning.nodesOfPlan(planner.districtId(), plan.id()).strategies();
            for (int index = 0; index < actions.size(); index++) {
                Strategy action = actions.get(index);
                Map<UUID, EnumSet<RaciRole>> chart = new LinkedHashMap<>();
                SignedInUser editor = planner;
                if (plan.districtPlan()) {
                    UUID owner = action.ownerId() != null ? action.ownerId() : people.id("planner");
                    boolean withoutAccountable =
                            !leftOneOut && plan.kind() == PlanKind.IMPROVEMENT && index == actions.size() - 1;
                    if (withoutAccountable) {
                        leftOneOut = true;
                        give(chart, owner, RaciRole.RESPONSIBLE);
                    } else {
                        give(chart, owner, RaciRole.ACCOUNTABLE, RaciRole.RESPONSIBLE);
                    }
                    give(chart, people.id("curriculum"), RaciRole.RESPONSIBLE);
                    give(chart, people.id("principal"), RaciRole.CONSULTED);
                    give(chart, people.id("board"), RaciRole.INFORMED);
                } else if (cedar.equals(plan.schoolId())) {
                    editor = principal;
                    give(chart, people.id("principal"), RaciRole.ACCOUNTABLE);
                    give(chart, people.id("teacher"), RaciRole.RESPONSIBLE);
                    give(chart, people.id("planner"), RaciRole.INFORMED);
                } else {
                    UUID leader = leaderOf(plan.schoolId());
                    give(chart, leader != null ? leader : people.id("planner"), RaciRole.ACCOUNTABLE);
                    give(
                            chart,
                            action.ownerId() != null ? action.ownerId() : people.id("planner"),
                            RaciRole.RESPONSIBLE);
                    give(chart, people.id("planner"), RaciRole.INFORMED);
                }
                List<RaciEntry> entries = new ArrayList<>();
                chart.forEach((person, roles) -> entries.add(new RaciEntry(person, roles)));
                racis.save(editor, action.id(), entries, 0);
            }
        }
    }

    /** The demo principal leading the school, when it has one of them. */
    private UUID leaderOf(UUID school) {
        for (String who : List.of("middle", "high")) {
            if (people.as(who).ledSchools().contains(school)) {
                return people.id(who);
            }
        }
        return null;
    }

    private static void give(Map<UUID, EnumSet<RaciRole>> chart, UUID person, RaciRole... roles) {
        EnumSet<RaciRole> held = chart.computeIfAbsent(person, id -> EnumSet.noneOf(RaciRole.class));
        for (RaciRole role : roles) {
            held.add(role);
        }
    }
}
