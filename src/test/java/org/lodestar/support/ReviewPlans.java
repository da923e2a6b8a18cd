package org.lodestar.support;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.execution.ExecutionApi;
import org.lodestar.execution.ProjectStatus;
import org.lodestar.measures.Kpi;
import org.lodestar.measures.Measurement;
import org.lodestar.measures.MeasuresApi;
import org.lodestar.planning.PlanningApi;
import org.springframework.stereotype.Component;

/**
 * A school improvement plan of its own for a test of reviews and evaluations (Maple Elementary's, school year 2026-27),
 * so that its locks fall on KPIs no other test records: one goal with one outcome and two KPIs of its own (one past its
 * 2026-27 target, one short of it), and three actions (one with a project done, one with a project blocked, one with
 * no project).
 */
@Component
public class ReviewPlans {

    public static final int YEAR = 2026;

    /** The plan and its items. */
    public record Made(
            UUID plan,
            UUID school,
            UUID goal,
            UUID kpiMet,
            UUID kpiShort,
            UUID actionDone,
            UUID actionBlocked,
            UUID actionIdle) {}

    private final Fixtures fixtures;
    private final PlanningApi planning;
    private final MeasuresApi measures;
    private final ExecutionApi execution;

    ReviewPlans(Fixtures fixtures, PlanningApi planning, MeasuresApi measures, ExecutionApi execution) {
        this.fixtures = fixtures;
        this.planning = planning;
        this.measures = measures;
        this.execution = execution;
    }

    public Made make(String name) {
        SignedInUser planner = fixtures.user("planner@lakeview.example");
        UUID maple = fixtures.any("select id from school where district_id = ? and name = 'Maple Elementary'");
        UUID strategic = planning.districtStrategicPlan(planner.districtId())
                .orElseThrow()
                .id();
        UUID plan =
                planning.startImprovementPlan(planner, strategic, maple, YEAR, name + " 2026-27", Set.of(), Set.of());
        UUID goal = planning.addGoal(planner, plan, name + ": every student reads by grade 3", null);
        UUID outcome = planning.addOutcome(planner, goal, name + ": more readers", null);
        UUID met = kpi(planner, outcome, name + " reading", 60, 70);
        UUID shortOf = kpi(planner, outcome, name + " attendance", 90, 95);
        measures.record(
                planner,
                List.of(
                        new Measurement(met, YEAR, 0, maple, "ALL", new BigDecimal("72"), null),
                        new Measurement(shortOf, YEAR, 0, maple, "ALL", new BigDecimal("91"), null)));
        UUID done = planning.addStrategy(planner, goal, name + ": tutoring three times a week", null);
        UUID blocked = planning.addStrategy(planner, goal, name + ": family reading nights", null);
        UUID idle = planning.addStrategy(planner, goal, name + ": summer reading camp", null);
        execution.setStatus(planner, execution.addProject(planner, done, "Hire tutors", null), ProjectStatus.DONE, 0);
        execution.setStatus(
                planner, execution.addProject(planner, blocked, "Book the library", null), ProjectStatus.BLOCKED, 0);
        return new Made(plan, maple, goal, met, shortOf, done, blocked, idle);
    }

    private UUID kpi(SignedInUser planner, UUID outcome, String name, int baseline, int target) {
        TreeMap<Integer, BigDecimal> targets = new TreeMap<>();
        targets.put(YEAR, BigDecimal.valueOf(target));
        return measures.addKpi(
                planner,
                outcome,
                name,
                Kpi.Unit.PERCENT,
                true,
                BigDecimal.valueOf(baseline),
                YEAR - 1,
                "School records",
                false,
                false,
                false,
                targets);
    }
}
