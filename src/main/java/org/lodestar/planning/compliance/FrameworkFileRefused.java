package org.lodestar.planning.compliance;

import java.util.List;
import org.lodestar.shared.tabular.ImportProblem;

/** A framework file that cannot be taken as it is: every problem found, each with its line. Nothing was changed. */
public final class FrameworkFileRefused extends Exception {

    private final transient List<ImportProblem> problems;

    FrameworkFileRefused(List<ImportProblem> problems) {
        super(problems.toString(), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
