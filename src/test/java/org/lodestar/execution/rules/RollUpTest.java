package org.lodestar.execution.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.shared.Progress;

/** The roll-up rule with numbers worked by hand. */
class RollUpTest {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

    @Test
    void plannedDaysCountBothEndsAndAMissingDateCountsOne() {
        assertThat(Progress.plannedDays(JAN_1, JAN_1)).isEqualTo(1);
        assertThat(Progress.plannedDays(JAN_1, LocalDate.of(2026, 1, 10))).isEqualTo(10);
        assertThat(Progress.plannedDays(JAN_1, LocalDate.of(2026, 12, 31))).isEqualTo(365);
        assertThat(Progress.plannedDays(null, JAN_1)).isEqualTo(1);
        assertThat(Progress.plannedDays(JAN_1, null)).isEqualTo(1);
        assertThat(Progress.plannedDays(LocalDate.of(2026, 2, 1), JAN_1)).isEqualTo(1);
    }

    @Test
    void tasksWeighTheirDurationAndADoneTaskCountsAsAHundred() {
        // 10 days at 50%, 30 days at 10%, 1 undated day done (its 0% read as 100%):
        // (10*50 + 30*10 + 1*100) / 41 = 900 / 41 = 21.95...
        Progress project = Progress.combine(List.of(
                Progress.of(50, false, JAN_1, LocalDate.of(2026, 1, 10)),
                Progress.of(10, false, JAN_1, LocalDate.of(2026, 1, 30)),
                Progress.of(0, true, null, null)));
        assertThat(project.weightDays()).isEqualTo(41);
        assertThat(project.percent()).isCloseTo(900.0 / 41, within(1e-9));
        assertThat(project.rounded()).isEqualTo(22);
        assertThat(Progress.combine(List.of())).isEqualTo(Progress.NONE);
        assertThat(Progress.of(140, false, null, null).percent()).isEqualTo(100);
    }

    @Test
    void projectsRollIntoActionsAndActionsIntoGoals() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID action1 = UUID.randomUUID();
        UUID action2 = UUID.randomUUID();
        UUID goal = UUID.randomUUID();
        // a: own 20 days; tasks 4 days at 100% and 6 days at 0% -> 40%, weighing its own 20 days
        RollUp.ProjectWork withTasks = new RollUp.ProjectWork(
                a,
                action1,
                Progress.of(90, false, JAN_1, LocalDate.of(2026, 1, 20)),
                List.of(
                        Progress.of(100, false, JAN_1, LocalDate.of(2026, 1, 4)),
                        Progress.of(0, false, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 10))));
        // b: no tasks, its own 70% over 5 days; c: no tasks, no dates, 10%
        RollUp.ProjectWork own =
                new RollUp.ProjectWork(b, action1, Progress.of(70, false, JAN_1, LocalDate.of(2026, 1, 5)), List.of());
        RollUp.ProjectWork undated = new RollUp.ProjectWork(c, action2, Progress.of(10, false, null, null), List.of());
        Map<UUID, Progress> projects = RollUp.projects(List.of(withTasks, own, undated));
        assertThat(projects.get(a)).isEqualTo(new Progress(40, 20));
        assertThat(projects.get(b)).isEqualTo(new Progress(70, 5));
        assertThat(projects.get(c)).isEqualTo(new Progress(10, 1));

        Map<UUID, Progress> actions = RollUp.parents(Map.of(a, action1, b, action1, c, action2), projects);
        // action1: (20*40 + 5*70) / 25 = 1150 / 25 = 46, weighing 25
        assertThat(actions.get(action1)).isEqualTo(new Progress(46, 25));
        assertThat(actions.get(action2)).isEqualTo(new Progress(10, 1));
        Map<UUID, Progress> goals = RollUp.parents(Map.of(action1, goal, action2, goal), actions);
        // goal: (25*46 + 1*10) / 26 = 1160 / 26 = 44.615...
        assertThat(goals.get(goal).percent()).isCloseTo(1160.0 / 26, within(1e-9));
        assertThat(goals.get(goal).rounded()).isEqualTo(45);
    }
}
