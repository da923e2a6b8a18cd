package org.lodestar.measures.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.StudentGroup;
import org.lodestar.measures.Kpi;
import org.lodestar.shared.SchoolYear;

/**
 * What a measured value may be, the same for the form, the import and the API. It must fit the stored column
 * ({@code numeric(14, 4)}: less than ten billion, at most four decimals), and is refused rather than rounded when it
 * does not, so that {@code 1e-30} never becomes 0 unseen; a percent is from 0 to 100; the number of students is a
 * whole number, 0 or more, and a value about students for a school or a student group comes with it; its school year
 * falls in the years its plan can be measured in ({@link RecordableYears}).
 */
public final class ValueRule {

    public static final int DECIMALS = 4;
    private static final BigDecimal LIMIT = new BigDecimal("1e10");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private ValueRule() {}

    /** Why a value is refused, as a message key and its arguments. */
    public record Refusal(String code, List<Object> args) {}

    public static Optional<Refusal> value(Kpi.Unit unit, BigDecimal value) {
        String shown = value.toString();
        if (value.abs().compareTo(LIMIT) >= 0) {
            return refusal("measure.value.range", shown);
        }
        if (value.stripTrailingZeros().scale() > DECIMALS) {
            return refusal("measure.value.decimals", shown, DECIMALS);
        }
        if (unit == Kpi.Unit.PERCENT && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
            return refusal("measure.value.percent", shown);
        }
        return Optional.empty();
    }

    /** A number of students: whole (2.7 is refused, not cut to 2), 0 or more, and no larger than an int. */
    public static Optional<Refusal> n(BigDecimal n) {
        boolean whole = n.signum() == 0 || n.stripTrailingZeros().scale() <= 0;
        if (!whole || n.signum() < 0 || n.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return refusal("import.error.n", n.toString());
        }
        return Optional.empty();
    }

    /**
     * A value of a KPI about students for a school or a student group (anything but the district's total of all
     * students) needs its n: without it the value could never be public, nor could its siblings be judged. The
     * district total may come without n (it is then hidden from the public, and so are its breakdowns); a KPI not
     * about students (a budget, a count of staff) asks for no n.
     */
    public static Optional<Refusal> n(Kpi kpi, UUID schoolId, String groupCode, Integer n) {
        boolean districtTotal = schoolId == null && (groupCode == null || StudentGroup.ALL.equals(groupCode));
        if (kpi.aboutStudents() && !districtTotal && n == null) {
            return refusal("measure.n.required");
        }
        return Optional.empty();
    }

    /**
     * The school years a KPI's values may be recorded for: from {@link #YEARS_BEFORE} years before its plan starts (the
     * baseline and the trend before it, which status and projections need) to the plan's last year, but never after
     * the school year under way: a value of a year to come cannot have been measured yet.
     */
    public record RecordableYears(int first, int last) {

        public Optional<Refusal> check(int schoolYear) {
            if (schoolYear < first || schoolYear > last) {
                return refusal(
                        "measure.year.outside",
                        SchoolYear.of(schoolYear).toString(),
                        SchoolYear.of(first).toString(),
                        SchoolYear.of(last).toString());
            }
            return Optional.empty();
        }
    }

    /** How far before its plan a KPI's history may reach. */
    public static final int YEARS_BEFORE = 10;

    private static Optional<Refusal> refusal(String code, Object... args) {
        return Optional.of(new Refusal(code, List.of(args)));
    }
}
