package org.lodestar.planning.compliance;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one funding rule found, with the numbers behind it so a reader can redo the sum.
 *
 * @param rule the rule's message key ({@code funding.rule.pfeReservation}); its wording and the law it cites
 * @param items the actions at fault, when the rule is about actions rather than sums
 */
public record FundingCheck(String rule, String citation, Result result, List<Figure> figures, List<String> items) {

    public FundingCheck {
        figures = List.copyOf(figures);
        items = List.copyOf(items);
    }

    public enum Result {
        MET,
        NOT_MET,
        /** The rule does not apply, e.g. an allocation under the rule's threshold; a figure says why. */
        DOES_NOT_APPLY,
        /** The district has not entered the fund's allocation for the year. */
        NEEDS_ALLOCATION
    }

    /** A number of the check: an amount in the district's currency or a percentage; a note alone has no number. */
    public record Figure(String label, BigDecimal value, boolean percent) {

        /** A line of the numbers that is words only ("some share required"). */
        static Figure note(String label) {
            return new Figure(label, null, false);
        }

        static Figure amount(String label, BigDecimal value) {
            return new Figure(label, value, false);
        }

        static Figure rate(String label, BigDecimal value) {
            return new Figure(label, value, true);
        }
    }
}
