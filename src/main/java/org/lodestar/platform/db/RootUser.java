package org.lodestar.platform.db;

import com.sun.security.auth.module.UnixSystem;

/** Whether this process runs as the Unix superuser, which PostgreSQL refuses to run under. */
final class RootUser {

    private RootUser() {}

    static boolean isRoot() {
        try {
            return new UnixSystem().getUid() == 0;
        } catch (UnsatisfiedLinkError | RuntimeException notUnix) {
            return false;
        }
    }
}
