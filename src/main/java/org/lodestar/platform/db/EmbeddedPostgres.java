package org.lodestar.platform.db;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

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
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
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
        Path binaries = extractBinaries(folder.resolve("postgres-binaries"));
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
        server.provision();
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

    /**
     * The application's role owns the database and everything in it (so Flyway can migrate), but may not create
     * roles or databases. Run at every start: it also hands over what a cluster made before this role still has
     * owned by the superuser.
     */
    private void provision() {
        String role = " with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '"
                + passwords.application() + "'";
        try (var connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, passwords.superuser());
                var statement = connection.createStatement()) {
            boolean roleExists = statement
                    .executeQuery("select 1 from pg_roles where rolname = '" + APP_USER + "'")
                    .next();
            statement.execute((roleExists ? "alter role " : "create role ") + APP_USER + role);
            boolean databaseExists = statement
                    .executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")
                    .next();
            statement.execute(
                    databaseExists
                            ? "alter database " + DATABASE + " owner to " + APP_USER
                            : "create database " + DATABASE + " owner " + APP_USER);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the role and database of the embedded PostgreSQL", e);
        }
        try (var connection = DriverManager.getConnection(jdbcUrl(), SUPERUSER, passwords.superuser());
                var statement = connection.createStatement()) {
            statement.execute(HAND_OVER);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not hand the database over to " + APP_USER, e);
        }
    }

    // Tables first: a table's owner change carries its own sequences and indexes along
    private static final String HAND_OVER = """
            do $$
            declare r record;
            begin
              for r in select c.oid::regclass as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
                       where n.nspname = 'public' and c.relowner = 'postgres'::regrole and c.relkind in ('r', 'p', 'v', 'm', 'f')
              loop
                execute format('alter table %s owner to lodestar_app', r.name);
              end loop;
              for r in select c.oid::regclass as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
                       where n.nspname = 'public' and c.relowner = 'postgres'::regrole and c.relkind = 'S'
              loop
                execute format('alter sequence %s owner to lodestar_app', r.name);
              end loop;
            end
            $$""";

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

    private static Path extractBinaries(Path target) throws IOException {
        Path marker = target.resolve(".complete");
        if (Files.exists(marker)) {
            return target;
        }
        try (InputStream archive = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (archive == null) {
                throw new IOException(
                        "The PostgreSQL binaries for this platform are not on the class path; configure an external"
                                + " database with spring.datasource.url (see README)");
            }
            Files.createDirectories(target);
            try (var tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(archive)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path path = target.resolve(entry.getName()).normalize();
                    if (!path.startsWith(target)) {
                        throw new IOException("Archive entry outside its folder: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(path);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(path.getParent());
                        Files.deleteIfExists(path);
                        Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(path.getParent());
                        Files.copy(tar, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                    }
                }
            }
        }
        Files.createFile(marker);
        return target;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
        };
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                result.add(bits[i]);
            }
        }
        return result;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
