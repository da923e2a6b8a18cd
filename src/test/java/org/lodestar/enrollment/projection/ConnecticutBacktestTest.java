package org.lodestar.enrollment.projection;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** On the real Connecticut history: the targets of issue #12 at every horizon from 1 to 5 (see AccuracyTable). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnecticutBacktestTest {

    private Backtest.Report lodestar;
    private Backtest.Report baseline;

    @BeforeAll
    void backtest() throws Exception {
        EnrollmentHistory history = Histories.connecticut();
        lodestar = Backtest.run(history, new Births(), Method.LODESTAR, 5, 2016);
        baseline = Backtest.run(history, new Births(), Method.BASELINE, 5, 2016);
        AccuracyTable.print("Connecticut, every public school, targets 2011-2016", lodestar, baseline);
    }

    @Test
    void atOrBelowTheBaselineAndBandsHoldEightyPercentAtGradeAndSchool() {
        AccuracyTable.assertTargets(lodestar, baseline, 5);
    }
}
