package org.lodestar.needs.edfi;

import java.util.List;

/**
 * An interchange that cannot be read: malformed, of an unknown version, or unsafe. Nothing of the run is kept. Its
 * message is English, for logs and tests; {@link #kind()} and {@link #args()} let a page say it in the reader's
 * language.
 */
public class EdFiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, each with its arguments (the file's name first). */
    public enum Kind {
        /** file, line (0 when unknown), the parser's words. */
        MALFORMED,
        /** file, the Data Standard version. */
        VERSION,
        /** file, the root element. */
        NOT_EDFI,
        /** file. */
        DTD,
        /** file. */
        UNREADABLE,
        /** file, line, what is wrong (a date, a number, a school year, a record too large). */
        INVALID
    }

    private final Kind kind;
    private final transient List<Object> args;

    public EdFiException(Kind kind, String message, Object... args) {
        this(kind, message, null, args);
    }

    public EdFiException(Kind kind, String message, Throwable cause, Object... args) {
        super(message, cause);
        this.kind = kind;
        this.args = List.of(args);
    }

    public Kind kind() {
        return kind;
    }

    public List<Object> args() {
        return args;
    }
}
