package org.lodestar.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.Adjustment;
import org.lodestar.execution.ExecutionApi;
import org.lodestar.execution.ReviewRow;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;

/**
 * The district improvement plan's quarterly reviews: Q1 decided row by row and signed off by the planner (so a locked
 * quarter is there to see on the KPI pages), Q2 started and partly decided, a draft.
 */
final class DemoReviews {

    private final PlanningApi planning;
    private final ExecutionApi execution;
    private final DemoPeople people;

    DemoReviews(PlanningApi planning, ExecutionApi execution, DemoPeople people) {
        this.planning = planning;
        this.execution = execution;
        this.people = people;
    }

    void load() {
        SignedInUser planner = people.as("planner");
        PlanSummary plan = planning.plans(people.district()).stream()
                .filter(p -> p.title().equals(DemoImprovement.DISTRICT_PLAN))
                .findFirst()
                .orElseThrow();
        DemoClock.daysAgo(45, () -> {
            UUID q1 = execution.startQuarterlyReview(planner, plan.id(), 1);
            decide(planner, q1, execution.quarterlyReviewRows(planner, q1), true);
        });
        DemoClock.daysAgo(6, () -> {
            UUID q2 = execution.startQuarterlyReview(planner, plan.id(), 2);
            List<ReviewRow> goals = execution.quarterlyReviewRows(planner, q2).stream()
                    .filter(row -> row.tier().equals("GOAL"))
                    .toList();
            decide(planner, q2, goals, false);
        });
    }

    /** What a cabinet decides from each row's status, in the words a planner would write. */
    private void decide(SignedInUser planner, UUID review, List<ReviewRow> rows, boolean signOff) {
        Map<UUID, Adjustment> adjustments = new HashMap<>();
        Map<UUID, String> notes = new HashMap<>();
        for (ReviewRow row : rows) {
            switch (row.status()) {
                case "OFF_TRACK" -> {
                    adjustments.put(row.id(), Adjustment.CHANGE);
                    notes.put(
                            row.id(),
                            "Behind its path: the cabinet moves coaching time to the schools furthest behind.");
                }
                case "AT_RISK" -> {
                    adjustments.put(row.id(), Adjustment.CHANGE);
                    notes.put(row.id(), "Close to its path: monthly check with the principals until it recovers.");
                }
                case "BLOCKED" -> {
                    adjustments.put(row.id(), Adjustment.CHANGE);
                    notes.put(row.id(), "Blocked: the owner brings a new timeline to the next cabinet meeting.");
                }
                case "NO_DATA" -> {
                    adjustments.put(row.id(), Adjustment.KEEP);
                    notes.put(row.id(), "No result yet; the first data comes with the spring assessments.");
                }
                case "DONE" -> {
                    adjustments.put(row.id(), Adjustment.STOP);
                    notes.put(row.id(), "Done: nothing more to do this year.");
                }
                default -> adjustments.put(row.id(), Adjustment.KEEP);
            }
        }
        execution.decideQuarterlyReview(planner, review, adjustments, notes, signOff);
    }
}
