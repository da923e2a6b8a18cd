package org.lodestar.execution.review;

import java.util.List;

/**
 * Why a review or evaluation was not started, saved or completed, as a message key and its arguments; nothing of the
 * request was saved. {@code rows} names the rows at fault (their ids), so the page marks them.
 */
public class ReviewRefused extends RuntimeException {

    private final String code;
    private final transient List<Object> args;
    private final transient List<java.util.UUID> rows;

    public ReviewRefused(String code, List<Object> args, List<java.util.UUID> rows) {
        super(code + " " + args);
        this.code = code;
        this.args = List.copyOf(args);
        this.rows = List.copyOf(rows);
    }

    public String code() {
        return code;
    }

    public List<Object> args() {
        return args;
    }

    public List<java.util.UUID> rows() {
        return rows;
    }
}
