package org.lodestar.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the binaries that ship in a Maven artifact, so that Lodestar needs no database set-up.
 * The data folder survives restarts. PostgreSQL refuses to run as root; when we are root, every server command runs
 * through {@code unshare -U}, where the process no longer looks like root but still owns its files.
 *
 * <p>Any local user can reach a port on 127.0.0.1, so the server asks for a password (SCRAM-SHA-256) from everyone,
 * and the application signs in as a role that owns its database but is no superuser: a superuser can read any file
 * and run shell commands ({@code COPY ... TO PROGRAM}) as the account that runs Lodestar.
 */
final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    static final String DATABASE = "lodestar";
    static final String SUPERUSER = "postgres";
    static final String APP_USER = "lodestar_app";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final String HBA = """
            # Written by Lodestar at every start: a password (SCRAM-SHA-256) from everyone, over the loopback only
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private final Path binaries;
    private final Path cluster;
    private final int port;
    private final Passwords passwords;
    private final Watchdog watchdog;
    private final FileChannel lock;

    private EmbeddedPostgres(Path binaries, Path cluster, int port, Passwords passwords, FileChannel lock) {
        this.lock = lock;
        this.binaries = binaries;
        this.cluster = cluster;
        this.port = port;
        this.passwords = passwords;
        this.watchdog = Watchdog.watch(command(binaries, "pg_ctl", stopArguments(cluster)));
    }

    /**
     * Extracts the binaries if needed, stops a server an earlier run left behind, creates the cluster on first use
     * (or, with {@code reset}, anew), starts the server and makes the application's role and database.
     */
    static EmbeddedPostgres start(Path folder, int requestedPort, boolean reset) {
        FileChannel lock = null;
        try {
            Files.createDirectories(folder);
            Files.setPosixFilePermissions(folder, OWNER_ONLY);
            lock = lock(folder);
            return start(folder, requestedPort, reset, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(lock);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + folder, io);
            }
            throw (RuntimeException) e;
        }
    }

    private static EmbeddedPostgres start(Path folder, int requestedPort, boolean reset, FileChannel lock)
            throws IOException {
        Path binaries = PostgresBinaries.extract(folder.resolve("postgres-binaries"));
        Path cluster = folder.resolve("postgres");
        stopLeftover(binaries, cluster);
        if (reset) {
            deleteRecursively(cluster);
        }
        Passwords passwords = prepare(binaries, folder, cluster);
        Files.writeString(cluster.resolve("pg_hba.conf"), HBA);
        int port = requestedPort > 0 ? requestedPort : freePort();
        String options =
                "-p " + port + " -c listen_addresses=127.0.0.1 -k '' -c fsync=on -c password_encryption=scram-sha-256";
        String serverLog = cluster.resolve("server.log").toString();
        run(
                binaries,
                null,
                "pg_ctl",
                "-D",
                cluster.toString(),
                "-l",
                serverLog,
                "-o",
                options,
                "-w",
                "-t",
                "60",
                "start");
        EmbeddedPostgres server = new EmbeddedPostgres(binaries, cluster, port, passwords, lock);
        SharedHistoryDatabase.dropIfFound(server.jdbcUrl("postgres"), server.jdbcUrl(), passwords);
        ApplicationRole.provision(server.jdbcUrl("postgres"), server.jdbcUrl(), passwords);
        log.info("Embedded PostgreSQL running on port {} with data in {}", port, cluster);
        return server;
    }

    String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    String applicationPassword() {
        return passwords.application();
    }

    @Override
    public void close() {
        try {
            run(binaries, null, "pg_ctl", stopArguments(cluster));
        } catch (RuntimeException e) {
            log.warn("Could not stop the embedded PostgreSQL: {}", e.getMessage());
        } finally {
            watchdog.close();
            closeQuietly(lock);
        }
    }

    private static void closeQuietly(FileChannel lock) {
        if (lock == null) {
            return;
        }
        try {
            lock.close();
        } catch (IOException e) {
            log.debug("Could not let go of the data folder's lock: {}", e.getMessage());
        }
    }

    /**
     * Held while this JVM runs the server, and let go by the kernel when it dies: so a server found running in a
     * folder nobody holds is a leftover to stop, while one a live Lodestar holds is left alone.
     */
    private static FileChannel lock(Path folder) throws IOException {
        FileChannel channel =
                FileChannel.open(folder.resolve("lodestar.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (channel.tryLock() != null) {
                return channel;
            }
        } catch (OverlappingFileLockException heldByThisJvm) {
            // Another server of this JVM holds the folder
        }
        channel.close();
        throw new IllegalStateException("Another Lodestar is using the data folder " + folder
                + "; stop it first, or give this one another folder (lodestar.data-dir)");
    }

    private static String[] stopArguments(Path cluster) {
        return new String[] {"-D", cluster.toString(), "-m", "fast", "-w", "-t", "60", "stop"};
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * A new cluster gets new passwords. An existing one keeps those in the password file; a cluster without that file
     * was made before passwords (with trust sign-in), or lost the file, and gets new ones in single-user mode, which
     * needs no sign-in and opens no port.
     */
    private static Passwords prepare(Path binaries, Path folder, Path cluster) throws IOException {
        if (!Files.exists(cluster.resolve("PG_VERSION"))) {
            Passwords passwords = Passwords.generate();
            Path pwfile = Files.createTempFile(
                    folder,
                    "pwfile",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(pwfile, passwords.superuser() + "\n");
                run(
                        binaries,
                        null,
                        "initdb",
                        "--auth=scram-sha-256",
                        "--pwfile=" + pwfile,
                        "-U",
                        SUPERUSER,
                        "-D",
                        cluster.toString(),
                        "-E",
                        "UTF-8",
                        "--locale=C");
            } finally {
                Files.deleteIfExists(pwfile);
            }
            passwords.write(folder);
            return passwords;
        }
        Optional<Passwords> known = Passwords.read(folder);
        if (known.isPresent()) {
            return known.get();
        }
        log.warn("The embedded PostgreSQL in {} has no password file: setting new passwords", cluster);
        Passwords passwords = Passwords.generate();
        run(
                binaries,
                "alter role " + SUPERUSER + " with password '" + passwords.superuser() + "';\n",
                "postgres",
                "--single",
                "-D",
                cluster.toString(),
                "-c",
                "password_encryption=scram-sha-256",
                "postgres");
        passwords.write(folder);
        return passwords;
    }

    /** Stops a server an earlier, killed run left holding the folder, or removes its stale pid file. */
    private static void stopLeftover(Path binaries, Path cluster) throws IOException {
        if (LeftoverServer.in(cluster) == LeftoverServer.RUNNING) {
            log.warn("Stopping the PostgreSQL server an earlier run left running in {}", cluster);
            run(binaries, null, "pg_ctl", stopArguments(cluster));
        } else {
            Files.deleteIfExists(cluster.resolve("postmaster.pid"));
        }
    }

    /** Runs one of the server's programs, feeding it {@code input} when not null. */
    private static void run(Path binaries, String input, String program, String... args) {
        List<String> command = new ArrayList<>();
        if (RootUser.isRoot()) {
            command.add("unshare");
            command.add("-U");
        }
        command.add(binaries.resolve("bin").resolve(program).toString());
        command.addAll(List.of(args));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            try (var stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // Single-user mode reports a failed statement in its output but still exits with 0
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0 || output.contains("ERROR:")) {
                throw new IllegalStateException(program + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(program + " interrupted", e);
        }
    }

    private static List<String> command(Path binaries, String program, String... args) {
        List<String> command = new ArrayList<>();
        if (RootUser.isRoot()) {
            command.add("unshare");
            command.add("-U");
        }
        command.add(binaries.resolve("bin").resolve(program).toString());
        command.addAll(List.of(args));
        return command;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
