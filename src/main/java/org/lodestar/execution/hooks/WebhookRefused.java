package org.lodestar.execution.hooks;

import java.util.List;

/** A webhook that was not saved (nothing of it was), with every reason, each at the field that caused it. */
public class WebhookRefused extends RuntimeException {

    /** A reason: the form field it belongs to, a message key and its arguments. */
    public record Problem(String field, String key, List<Object> args) {}

    private final List<Problem> problems;

    WebhookRefused(List<Problem> problems) {
        super("webhook refused: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
