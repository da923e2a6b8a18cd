package org.lodestar.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.execution.ExecutionApi;
import org.lodestar.execution.Project;
import org.lodestar.execution.ProjectStatus;
import org.lodestar.planning.PlanNodes;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.Strategy;

/**
 * The owners' check-ins of the past months, so that freshness and "who is behind" read like a district's year: the
 * curriculum director and Cedar's principal update every month, student services mostly, human resources stopped
 * about seven weeks ago, Lakeview Middle's principal two months ago, and the technology director (a phantom owner)
 * never did. Each check-in is posted by the item's owner, as of the day it is dated ({@link DemoClock}).
 */
final class DemoUpdates {

    /** Days before the first start that each owner checked in on each of their items. */
    private static final Map<String, int[]> WHEN = new LinkedHashMap<>();

    static {
        WHEN.put("curriculum", new int[] {121, 92, 61, 33, 6});
        WHEN.put("principal", new int[] {88, 57, 27, 4});
        WHEN.put("services", new int[] {104, 73, 41, 12});
        WHEN.put("high", new int[] {70, 25});
        WHEN.put("hr", new int[] {112, 78, 47});
        WHEN.put("middle", new int[] {96, 64});
        // "technology": never
    }

    private static final String[][] STORIES = {
        {
            "Kick-off meetings held with every school team; materials ordered.",
            "Schools that named a lead early moved fastest.",
            "We ask each remaining school to name its lead this month."
        },
        {
            "Training sessions ran as planned; attendance was 86%.",
            "Coaches' follow-up visits matter more than the session itself.",
            "Two follow-up visits per school instead of one."
        },
        {
            "Progress slowed: two schools lost their coordinator in the fall.",
            "The work depends on one person per school.",
            "Each school names a back-up; the district covers the gap in the meantime."
        },
        {
            "First results in: participating classrooms are ahead of last year's pace.",
            "Weekly small-group time is the part teachers keep.",
            "Nothing: we keep going as planned."
        }
    };

    private final PlanningApi planning;
    private final ExecutionApi execution;
    private final DemoPeople people;

    DemoUpdates(PlanningApi planning, ExecutionApi execution, DemoPeople people) {
        this.planning = planning;
        this.execution = execution;
        this.people = people;
    }

    void load() {
        UUID district = people.district();
        List<PlanSummary> plans = planning.plans(district);
        Map<UUID, PlanNodes> nodes = planning.nodesOfPlans(
                district, plans.stream().map(PlanSummary::id).toList());
        List<Strategy> strategies = new ArrayList<>();
        nodes.values().forEach(n -> strategies.addAll(n.strategies()));
        List<Object[]> items = new ArrayList<>();
        for (Strategy strategy : strategies) {
            items.add(new Object[] {"action", strategy.id(), strategy.ownerId(), null});
        }
        for (Project project : execution.projectsOfStrategies(
                district, strategies.stream().map(Strategy::id).toList())) {
            items.add(new Object[] {"project", project.id(), project.ownerId(), project.status()});
        }
        int n = 0;
        for (Object[] item : items) {
            String who = item[2] == null ? null : people.who((UUID) item[2]);
            int[] days = who == null ? null : WHEN.get(who);
            if (days == null) {
                continue;
            }
            for (int i = 0; i < days.length; i++) {
                boolean latest = i == days.length - 1;
                String status = status((ProjectStatus) item[3], latest, n + i);
                String[] story = STORIES[(n + i) % STORIES.length];
                String kind = (String) item[0];
                UUID id = (UUID) item[1];
                DemoClock.daysAgo(
                        days[i] - (n % 3),
                        () -> execution.checkIn(people.as(who), kind, id, status, story[0], story[1], story[2]));
            }
            n++;
        }
    }

    /** Mostly on track; a blocked or finished project says so in its latest check-in; now and then at risk. */
    private static String status(ProjectStatus project, boolean latest, int k) {
        if (latest && project == ProjectStatus.BLOCKED) {
            return "BLOCKED";
        }
        if (latest && project == ProjectStatus.DONE) {
            return "DONE";
        }
        if (k % 7 == 3) {
            return "AT_RISK";
        }
        if (k % 11 == 5) {
            return "OFF_TRACK";
        }
        return "ON_TRACK";
    }
}
