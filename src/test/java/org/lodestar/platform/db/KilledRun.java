package org.lodestar.platform.db;

import java.nio.file.Path;

/** A Lodestar stand-in run in a JVM of its own, so that a test can kill it with kill -9 once its server is up. */
class KilledRun {

    public static void main(String[] args) throws InterruptedException {
        EmbeddedPostgres.start(Path.of(args[0]), 0, true);
        System.out.println("started");
        Thread.sleep(Long.MAX_VALUE);
    }
}
