package org.lodestar.shared;

/** The signed-in person may see this but not change it. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException() {
        super("not allowed");
    }

    public static void unless(boolean allowed) {
        if (!allowed) {
            throw new ForbiddenException();
        }
    }
}
