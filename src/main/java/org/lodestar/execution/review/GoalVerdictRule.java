package org.lodestar.execution.review;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The verdict proposed for a goal at the year-end evaluation, from its KPIs' values of the school year: every KPI with
 * data at or past its target for the year means met; some, partly met; none, not met; no KPI with data, no proposal
 * (a person decides). "Past" follows each KPI's direction: above for higher-is-better, below for lower-is-better. A
 * KPI without a value for the year, or without a target to judge it by, has no data here. Plain, tested exactly.
 */
public final class GoalVerdictRule {

    /** A KPI's value of the year and its target for that year; either null when there is none. */
    public record Reading(BigDecimal value, BigDecimal target, boolean higherIsBetter) {

        boolean hasData() {
            return value != null && target != null;
        }

        boolean reached() {
            int compared = value.compareTo(target);
            return higherIsBetter ? compared >= 0 : compared <= 0;
        }
    }

    /** How the goal's KPIs stood: how many reached their target, how many had data, how many there are. */
    public record Count(int met, int withData, int kpis) {}

    private GoalVerdictRule() {}

    public static Count count(List<Reading> readings) {
        int withData = 0;
        int met = 0;
        for (Reading reading : readings) {
            if (reading.hasData()) {
                withData++;
                if (reading.reached()) {
                    met++;
                }
            }
        }
        return new Count(met, withData, readings.size());
    }

    public static Optional<Verdict> propose(List<Reading> readings) {
        Count count = count(readings);
        if (count.withData() == 0) {
            return Optional.empty();
        }
        if (count.met() == count.withData()) {
            return Optional.of(Verdict.MET);
        }
        return Optional.of(count.met() > 0 ? Verdict.PARTLY_MET : Verdict.NOT_MET);
    }
}
