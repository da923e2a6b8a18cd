package org.lodestar.shared.tabular;

import java.util.List;

/**
 * Why an import refused a row or a file: the line (1 is the header, 0 the file as a whole) and a message key with its
 * arguments, so that it is shown in the reader's language.
 */
public record ImportProblem(int line, String code, List<Object> args) {

    public ImportProblem {
        args = List.copyOf(args);
    }

    public static ImportProblem of(int line, String code, Object... args) {
        return new ImportProblem(line, code, List.of(args));
    }
}
