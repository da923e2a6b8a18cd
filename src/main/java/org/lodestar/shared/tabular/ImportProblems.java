package org.lodestar.shared.tabular;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems of one import, the first {@link #SHOWN} kept and the rest only counted, so that a file of 400,000 bad
 * rows makes a page of 100 rows and "and 399,900 more problems", not one of 44 MB.
 */
public final class ImportProblems {

    public static final int SHOWN = 100;

    private final List<ImportProblem> shown = new ArrayList<>();
    private int more;

    public static ImportProblems of(ImportProblem problem) {
        ImportProblems problems = new ImportProblems();
        problems.add(problem);
        return problems;
    }

    public void add(ImportProblem problem) {
        if (shown.size() < SHOWN) {
            shown.add(problem);
        } else {
            more++;
        }
    }

    public void add(int line, String code, Object... args) {
        add(ImportProblem.of(line, code, args));
    }

    public boolean isEmpty() {
        return shown.isEmpty();
    }

    public int total() {
        return shown.size() + more;
    }

    /** The first problems, in the order they were found. */
    public List<ImportProblem> shown() {
        return List.copyOf(shown);
    }

    /** How many more there were. */
    public int more() {
        return more;
    }
}
