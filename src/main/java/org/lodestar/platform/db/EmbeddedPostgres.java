package org.lodestar.platform.db;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * A PostgreSQL server run from the binaries that ship in a Maven artifact, so that Lodestar needs no database set-up.
 * The data folder survives restarts. PostgreSQL refuses to run as root; when we are root, every server command runs
 * through {@code unshare -U}, where the process no longer looks like root but still owns its files.
 */
final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    static final String DATABASE = "lodestar";
    static final String USER = "postgres";

    private final Path binaries;
    private final Path cluster;
    private final int port;

    private EmbeddedPostgres(Path binaries, Path cluster, int port) {
        this.binaries = binaries;
        this.cluster = cluster;
        this.port = port;
    }

    /** Extracts the binaries if needed, creates the cluster on first use, starts the server and the database. */
    static EmbeddedPostgres start(Path folder, int requestedPort) {
        try {
            Files.createDirectories(folder);
            Path binaries = extractBinaries(folder.resolve("postgres-binaries"));
            Path cluster = folder.resolve("postgres");
            int port = requestedPort > 0 ? requestedPort : freePort();
            EmbeddedPostgres server = new EmbeddedPostgres(binaries, cluster, port);
            server.initIfNew();
            server.stopLeftover();
            server.run(
                    "pg_ctl",
                    "-D",
                    cluster.toString(),
                    "-l",
                    cluster.resolve("server.log").toString(),
                    "-o",
                    "-p " + port + " -c listen_addresses=127.0.0.1 -k '' -c fsync=on",
                    "-w",
                    "-t",
                    "60",
                    "start");
            server.createDatabase();
            log.info("Embedded PostgreSQL running on port {} with data in {}", port, cluster);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + folder, e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    @Override
    public void close() {
        try {
            run("pg_ctl", "-D", cluster.toString(), "-m", "fast", "-w", "-t", "30", "stop");
        } catch (RuntimeException e) {
            log.warn("Could not stop the embedded PostgreSQL: {}", e.getMessage());
        }
    }

    private void initIfNew() {
        if (Files.exists(cluster.resolve("PG_VERSION"))) {
            return;
        }
        run("initdb", "-A", "trust", "-U", USER, "-D", cluster.toString(), "-E", "UTF-8", "--locale=C");
    }

    /** A server left running by a process that was killed holds the folder; stop it so that ours can start. */
    private void stopLeftover() {
        if (Files.exists(cluster.resolve("postmaster.pid"))) {
            try {
                run("pg_ctl", "-D", cluster.toString(), "-m", "fast", "-w", "stop");
            } catch (RuntimeException notRunning) {
                log.debug("No leftover server: {}", notRunning.getMessage());
            }
        }
    }

    private void createDatabase() {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (var connection = DriverManager.getConnection(url, USER, "");
                var statement = connection.createStatement()) {
            var result = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!result.next()) {
                statement.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + DATABASE, e);
        }
    }

    private void run(String program, String... args) {
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
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(program + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(program + " interrupted", e);
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
