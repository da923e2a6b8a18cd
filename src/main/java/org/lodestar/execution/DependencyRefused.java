package org.lodestar.execution;

import java.util.List;

/**
 * A dependency between tasks that cannot be: one task waiting for itself, a circle of tasks waiting for each other
 * ({@code chain} names them in order, the first again at the end), or a task of another plan.
 */
public class DependencyRefused extends RuntimeException {

    public enum Reason {
        SELF,
        CYCLE,
        OTHER_PLAN
    }

    private final Reason reason;
    private final List<String> chain;

    public DependencyRefused(Reason reason, List<String> chain) {
        super(reason + " " + chain);
        this.reason = reason;
        this.chain = List.copyOf(chain);
    }

    public Reason reason() {
        return reason;
    }

    /** The titles of the tasks of the circle, in order, the first again at the end. */
    public List<String> chain() {
        return chain;
    }
}
