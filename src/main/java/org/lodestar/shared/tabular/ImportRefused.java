package org.lodestar.shared.tabular;

/** A file refused as a whole: unreadable, of the wrong kind, or past a limit. */
public final class ImportRefused extends Exception {

    private final transient ImportProblem problem;

    public ImportRefused(ImportProblem problem) {
        super(problem.code() + " " + problem.args(), null, false, false);
        this.problem = problem;
    }

    public ImportProblem problem() {
        return problem;
    }
}
