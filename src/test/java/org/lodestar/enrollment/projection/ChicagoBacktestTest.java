package org.lodestar.enrollment.projection;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** On the real Chicago history: the targets of issue #12 at every horizon from 1 to 5 (see AccuracyTable). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChicagoBacktestTest {

    private Backtest.Report lodestar;
    private Backtest.Report baseline;

    @BeforeAll
    void backtest() throws Exception {
        EnrollmentHistory history = Histories.chicago();
        lodestar = Backtest.run(history, new Births(), Method.LODESTAR, 5, 2015);
        baseline = Backtest.run(history, new Births(), Method.BASELINE, 5, 2015);
        AccuracyTable.print("Chicago Public Schools, targets 2009-2015", lodestar, baseline);
    }

    @Test
    void atOrBelowTheBaselineAndBandsHoldEightyPercentAtGradeAndSchool() {
        AccuracyTable.assertTargets(lodestar, baseline, 5);
    }
}
