package org.lodestar.planning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.planning.ActionDetail;
import org.lodestar.planning.Goal;
import org.lodestar.planning.Indicator;
import org.lodestar.planning.Outcome;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanStatus;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanTree;
import org.lodestar.planning.Strategy;
import org.lodestar.planning.domain.PlanReview.Check;
import org.lodestar.planning.domain.PlanReview.Finding;
import org.lodestar.planning.domain.PlanReview.Kind;
import org.lodestar.planning.domain.PlanReview.Line;

/** Each check of the plan-quality review finds exactly the items that lack what it asks for, and nothing else. */
class PlanReviewTest {

    private static final UUID OWNER = UUID.randomUUID();
    private final UUID planId = UUID.randomUUID();

    private PlanSummary plan(UUID schoolId) {
        return new PlanSummary(
                planId,
                schoolId,
                PlanKind.IMPROVEMENT,
                "Plan",
                2025,
                2025,
                null,
                null,
                null,
                null,
                PlanStatus.DRAFT,
                0);
    }

    private Goal goal(String title) {
        return new Goal(UUID.randomUUID(), planId, title, null, null, OWNER, 0, false, 0);
    }

    private Outcome outcome(Goal goal, String title) {
        return new Outcome(UUID.randomUUID(), goal.id(), planId, title, null, OWNER, 0, 0);
    }

    private static Indicator kpi(Outcome outcome, String name, UUID owner, boolean targeted) {
        return new Indicator(UUID.randomUUID(), outcome.id(), name, null, "NO_DATA", "–", "–", owner, targeted);
    }

    private Strategy action(Goal goal, String title, UUID owner) {
        return new Strategy(UUID.randomUUID(), goal.id(), planId, title, null, owner, 0, 0);
    }

    private static PlanTree.StrategyBranch branch(Strategy action) {
        return new PlanTree.StrategyBranch(action, List.of());
    }

    private static ActionDetail detail(Strategy action, LocalDate start, LocalDate end, String impact) {
        return new ActionDetail(
                action.id(), null, start, end, List.of(), null, null, null, null, null, impact, List.of(), 0);
    }

    private static List<String> found(List<Line> lines, Check check) {
        return lines.stream()
                .filter(line -> line.check() == check)
                .flatMap(line -> line.findings().stream())
                .map(finding -> finding.title().text())
                .toList();
    }

    @Test
    void eachCheckFindsTheItemsLackingWhatItAsksFor() {
        Goal measured = goal("Readers by grade 3");
        Goal bare = goal("Welcoming schools");
        Outcome withKpis = outcome(measured, "Grade 3 reading");
        Outcome unmeasured = outcome(measured, "Family reading");
        Strategy complete = action(measured, "Literacy block", OWNER);
        Strategy unowned = action(measured, "Tutoring", null);
        Strategy undated = action(bare, "Family liaisons", OWNER);
        PlanTree tree = new PlanTree(
                plan(null),
                List.of(
                        new PlanTree.GoalBranch(
                                measured,
                                "NO_DATA",
                                List.of(
                                        new PlanTree.OutcomeBranch(
                                                withKpis,
                                                List.of(
                                                        kpi(withKpis, "Reading proficiency", OWNER, true),
                                                        kpi(withKpis, "Screener at benchmark", null, false))),
                                        new PlanTree.OutcomeBranch(unmeasured, List.of())),
                                List.of(branch(complete), branch(unowned))),
                        new PlanTree.GoalBranch(bare, "NO_DATA", List.of(), List.of(branch(undated)))));
        LocalDate start = LocalDate.of(2025, 8, 18);
        Map<UUID, ActionDetail> details = Map.of(
                complete.id(), detail(complete, start, start.plusMonths(9), "Grade 3 proficiency rises"),
                unowned.id(), detail(unowned, start, start.plusMonths(3), " "),
                undated.id(), detail(undated, start, null, "Families reached"));

        List<Line> lines = PlanReview.lines(tree, true, details, Set.of(complete.id(), undated.id()));

        assertThat(lines).extracting(Line::check).containsExactly(Check.values());
        assertThat(found(lines, Check.FOCUS)).isEmpty();
        assertThat(found(lines, Check.GOAL_WITHOUT_OUTCOME)).containsExactly("Welcoming schools");
        assertThat(found(lines, Check.OUTCOME_WITHOUT_KPI)).containsExactly("Family reading");
        assertThat(found(lines, Check.KPI_WITHOUT_TARGET)).containsExactly("Screener at benchmark");
        assertThat(found(lines, Check.KPI_WITHOUT_OWNER)).containsExactly("Screener at benchmark");
        assertThat(found(lines, Check.ACTION_WITHOUT_OWNER)).containsExactly("Tutoring");
        assertThat(found(lines, Check.ACTION_WITHOUT_DATES)).containsExactly("Family liaisons");
        assertThat(found(lines, Check.ACTION_WITHOUT_COST)).containsExactly("Tutoring");
        assertThat(found(lines, Check.ACTION_WITHOUT_IMPACT_EVIDENCE)).containsExactly("Tutoring");
        assertThat(PlanReview.count(lines)).isEqualTo(8);
        Finding outcomeFinding =
                lines.get(Check.OUTCOME_WITHOUT_KPI.ordinal()).findings().get(0);
        assertThat(outcomeFinding.kind()).isEqualTo(Kind.OUTCOME);
        assertThat(outcomeFinding.goalId()).isEqualTo(measured.id());
    }

    @Test
    void anActionNeverDescribedLacksDatesCostAndEvidenceButAStrategicPlanIsNotAskedForThem() {
        Goal goal = goal("Readers by grade 3");
        Strategy action = action(goal, "Literacy block", OWNER);
        PlanTree tree = new PlanTree(
                plan(null), List.of(new PlanTree.GoalBranch(goal, "NO_DATA", List.of(), List.of(branch(action)))));

        List<Line> improvement = PlanReview.lines(tree, true, Map.of(), Set.of());
        assertThat(found(improvement, Check.ACTION_WITHOUT_DATES)).containsExactly("Literacy block");
        assertThat(found(improvement, Check.ACTION_WITHOUT_COST)).containsExactly("Literacy block");
        assertThat(found(improvement, Check.ACTION_WITHOUT_IMPACT_EVIDENCE)).containsExactly("Literacy block");

        List<Line> strategic = PlanReview.lines(tree, false, Map.of(), Set.of());
        assertThat(strategic).extracting(Line::check).noneMatch(Check::aboutActionDetails);
        assertThat(PlanReview.count(strategic)).isEqualTo(1); // the goal without an outcome
    }

    @Test
    void aSchoolPlanOfMoreThanThreeGoalsAndADistrictPlanOfMoreThanFiveLoseFocus() {
        List<PlanTree.GoalBranch> four = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            four.add(new PlanTree.GoalBranch(goal("Goal " + i), "NO_DATA", List.of(), List.of()));
        }
        List<Line> school = PlanReview.lines(new PlanTree(plan(UUID.randomUUID()), four), true, Map.of(), Set.of());
        assertThat(found(school, Check.FOCUS)).containsExactly("Plan");
        assertThat(school.get(0).limit()).isEqualTo(3);

        List<Line> district = PlanReview.lines(new PlanTree(plan(null), four), true, Map.of(), Set.of());
        assertThat(found(district, Check.FOCUS)).isEmpty();
        assertThat(district.get(0).limit()).isEqualTo(5);
        four.add(new PlanTree.GoalBranch(goal("Goal 5"), "NO_DATA", List.of(), List.of()));
        four.add(new PlanTree.GoalBranch(goal("Goal 6"), "NO_DATA", List.of(), List.of()));
        assertThat(found(PlanReview.lines(new PlanTree(plan(null), four), true, Map.of(), Set.of()), Check.FOCUS))
                .containsExactly("Plan");
    }
}
