package org.lodestar.platform.db;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the embedded server when this JVM dies, even by kill -9, which runs no shutdown hook: a shell waits until the
 * pipe from the JVM closes, which the kernel does whatever way the JVM ends, and then runs the stop command.
 */
final class Watchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);

    private final Process process;

    private Watchdog(Process process) {
        this.process = process;
    }

    static Watchdog watch(List<String> stopCommand) {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "cat >/dev/null; exec \"$@\"", "lodestar-watchdog"));
        command.addAll(stopCommand);
        try {
            return new Watchdog(new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start());
        } catch (IOException e) {
            log.warn("The embedded PostgreSQL will outlive a killed Lodestar (no watchdog: {})", e.getMessage());
            return new Watchdog(null);
        }
    }

    /** Called once the server is stopped: ends the shell before it reads the end of its input and stops it again. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // The shell is gone already
        }
    }
}
