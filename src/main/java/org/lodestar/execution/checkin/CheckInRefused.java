package org.lodestar.execution.checkin;

import java.util.List;

/** A check-in that was not saved (nothing of it was), with every reason, each at the field that caused it. */
public class CheckInRefused extends RuntimeException {

    /** A reason: the form field it belongs to, a message key and its arguments. */
    public record Problem(String field, String key, List<Object> args) {}

    private final List<Problem> problems;

    CheckInRefused(List<Problem> problems) {
        super("check-in refused: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
