package org.lodestar.shared.tabular;

import java.io.IOException;

/** Thrown from inside a reader's stream when a limit is crossed, to stop reading at once. */
final class LimitCrossed extends IOException {

    private final transient ImportProblem problem;

    LimitCrossed(ImportProblem problem) {
        super(problem.code());
        this.problem = problem;
    }

    ImportProblem problem() {
        return problem;
    }

    static int megabytes(long bytes) {
        return (int) (bytes / (1024 * 1024));
    }
}
