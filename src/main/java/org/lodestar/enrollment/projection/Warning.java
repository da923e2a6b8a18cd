package org.lodestar.enrollment.projection;

import java.util.List;

/**
 * An assumption a forecast had to make, as data: what kind, for which school (null: the whole history) and the
 * figures it names. Pages word it in the reader's language with the school's name; the command line and the API use
 * the English sentence of {@link #toString()}.
 */
public record Warning(Kind kind, String school, List<String> args) {

    public enum Kind {
        /** args: the last complete year */
        LATEST_YEAR_INCOMPLETE,
        /** args: from grade, to grade */
        NOT_FORECAST,
        /** args: grade, year */
        NO_FEEDER_STUDENTS,
        /** args: entry grade, year, count held */
        ENTRY_HELD,
        /** args: from grade, to grade */
        DISTRICT_RATIO_USED,
        /** args: birth year */
        BIRTHS_CARRIED
    }

    public Warning {
        args = List.copyOf(args);
    }

    static Warning of(Kind kind, String school, Object... args) {
        return new Warning(
                kind, school, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    @Override
    public String toString() {
        String sentence = switch (kind) {
            case LATEST_YEAR_INCOMPLETE ->
                "counts after " + args.get(0) + " cover too few schools yet; the forecast starts from " + args.get(0);
            case NOT_FORECAST ->
                "no complete " + args.get(0) + " to " + args.get(1)
                        + " transition in consecutive years, so no ratio can be computed";
            case NO_FEEDER_STUDENTS -> "no " + args.get(0) + " students in " + args.get(1) + ", so no ratio from it";
            case ENTRY_HELD -> "no " + args.get(0) + " figure for " + args.get(1) + ", held at " + args.get(2);
            case DISTRICT_RATIO_USED -> "no " + args.get(0) + " to " + args.get(1) + " history, district ratio used";
            case BIRTHS_CARRIED -> "no births for " + args.get(0) + ", the latest known used";
        };
        return school == null ? sentence : school + ": " + sentence;
    }

    /** A school whose history cannot be forecast at all; the forecast goes on without it and says so. */
    static final class CannotForecast extends IllegalArgumentException {
        private final Warning warning;

        CannotForecast(Warning warning) {
            super(warning.toString());
            this.warning = warning;
        }

        Warning warning() {
            return warning;
        }
    }
}
