package org.lodestar.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the {@code postmaster.pid} of a cluster says about a server left behind: when Lodestar is killed (kill -9 runs
 * no shutdown hook) its PostgreSQL keeps running and holds the folder. The pid in the file may also be stale and by
 * now belong to an unrelated process, which must never be signalled.
 */
enum LeftoverServer {
    /** No pid file, or one naming a process that is gone or is not a PostgreSQL of this cluster. */
    NONE,
    /** A PostgreSQL server running from this cluster's folder. */
    RUNNING;

    static LeftoverServer in(Path cluster) {
        Path pidFile = cluster.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return NONE;
            }
            List<String> lines = Files.readAllLines(pidFile);
            long filePid = lines.isEmpty() ? -1 : parsePid(lines.get(0));
            Optional<ProcessHandle> process = filePid > 0 ? ProcessHandle.of(filePid) : Optional.empty();
            if (process.isEmpty() || !process.get().isAlive()) {
                return NONE;
            }
            long pid = process.get().pid();
            // The postmaster runs in its data folder, so its working directory tells whose server it is
            Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"));
            boolean postgres = process.get()
                    .info()
                    .command()
                    .map(command -> command.endsWith("/postgres"))
                    .orElseThrow(() -> new IOException("cannot see the command of process " + pid));
            return postgres && cwd.equals(cluster.toRealPath()) ? RUNNING : NONE;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot tell whether the PostgreSQL in " + cluster + " still runs; stop the"
                            + " process named in its postmaster.pid and start again",
                    e);
        }
    }

    private static long parsePid(String line) {
        try {
            return Long.parseLong(line.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
