package org.lodestar.planning.raci;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.Strategy;

/**
 * Who is accountable for what, in the plans a reader may see: by person (the actions each one is Accountable and
 * Responsible for) and by school (each school's actions with who is accountable, those without exactly one flagged,
 * and the people carrying more than {@link #OVERLOAD} accountable actions).
 *
 * @param plans the plans offered in the filter (those in the reader's scope)
 * @param years the school years offered in the filter
 * @param planId the plan chosen, or null for every plan of {@code schoolYear}
 * @param schoolYear the school year chosen (its first calendar year)
 */
public record Leadership(
        List<PlanSummary> plans,
        List<Integer> years,
        UUID planId,
        int schoolYear,
        List<PersonLoad> people,
        List<SchoolLoad> schools) {

    /** More accountable actions than this is more than one person can answer for. */
    public static final int OVERLOAD = 8;

    public int overload() {
        return OVERLOAD;
    }

    /** A school year as pages write it: "2025-26". */
    public String yearLabel(int startYear) {
        return new org.lodestar.shared.SchoolYear(startYear).toString();
    }

    public long actionCount() {
        return schools.stream().mapToLong(school -> school.actions().size()).sum();
    }

    public long flaggedCount() {
        return schools.stream().mapToLong(SchoolLoad::flaggedCount).sum();
    }

    /**
     * One action as the view lists it.
     *
     * @param status its projects' status (blocked, off track or at risk if one is, done when all are), null without
     *     projects
     * @param due its end date, else its projects' latest due date, else null
     * @param accountable the names of its Accountable people (exactly one is the rule)
     */
    public record ActionLine(
            Strategy strategy,
            PlanSummary plan,
            String status,
            LocalDate due,
            boolean overdue,
            List<String> accountable,
            List<String> responsible) {

        public boolean flagged() {
            return accountable.size() != 1;
        }
    }

    /** A person and the actions they are Accountable and Responsible for. */
    public record PersonLoad(UUID personId, String name, List<ActionLine> accountable, List<ActionLine> responsible) {

        public boolean overloaded() {
            return accountable.size() > OVERLOAD;
        }
    }

    /**
     * A school's actions (the district's own plans: {@code schoolId} null), flagged ones first counted, and the people
     * accountable there who carry too many accountable actions in the view.
     */
    public record SchoolLoad(UUID schoolId, String name, List<ActionLine> actions, List<PersonLoad> overloaded) {

        public long flaggedCount() {
            return actions.stream().filter(ActionLine::flagged).count();
        }
    }
}
