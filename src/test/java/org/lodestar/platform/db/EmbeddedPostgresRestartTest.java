package org.lodestar.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the embedded server finds in its data folder at start (a server left running, a stale pid, an old cluster), and
 * that it does not outlive its JVM.
 */
class EmbeddedPostgresRestartTest {

    private final Path folder = Path.of("target/test-data-restart").toAbsolutePath();
    private final Path cluster = folder.resolve("postgres");

    @Test
    void theServerStopsWhenItsJvmIsKilled() throws Exception {
        Path killedFolder = Path.of("target/test-data-killed").toAbsolutePath();
        Process run = startKilledRun(killedFolder);
        int port = port(killedFolder);
        run.destroyForcibly().waitFor();
        Instant deadline = Instant.now().plusSeconds(30);
        while (accepts(port) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(accepts(port)).as("a server still listens on port " + port).isFalse();
    }

    @Test
    void aServerLeftRunningByAKilledRunIsStoppedAndANewOneStarts() throws Exception {
        Path killedFolder = Path.of("target/test-data-orphan").toAbsolutePath();
        Process run = startKilledRun(killedFolder);
        // As if the watchdog had died too: nothing stops the server when its JVM is killed
        run.descendants()
                .filter(p -> p.info()
                        .arguments()
                        .map(a -> List.of(a).contains("lodestar-watchdog"))
                        .orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
        int orphanPort = port(killedFolder);
        run.destroyForcibly().waitFor();
        assertThat(accepts(orphanPort)).as("the server outlived its JVM").isTrue();

        // With a reset, as the tests start: deleting the folder first would leave the orphan serving deleted files
        try (EmbeddedPostgres next = EmbeddedPostgres.start(killedFolder, 0, true)) {
            assertThat(accepts(orphanPort)).isFalse();
            try (var connection =
                    DriverManager.getConnection(next.jdbcUrl(), "lodestar_app", next.applicationPassword())) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }

    @Test
    void aSecondLodestarOnAFolderInUseIsRefusedAndTheFirstKeepsItsServer() throws Exception {
        try (EmbeddedPostgres first = EmbeddedPostgres.start(folder, 0, true)) {
            assertThatThrownBy(() -> EmbeddedPostgres.start(folder, 0, false))
                    .hasMessageContaining("Another Lodestar is using the data folder");
            try (var connection =
                    DriverManager.getConnection(first.jdbcUrl(), "lodestar_app", first.applicationPassword())) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }

    @Test
    void aStalePidFileNamingAnotherProcessIsRemovedAndThatProcessLeftAlone() throws Exception {
        EmbeddedPostgres.start(folder, 0, true).close();
        Process bystander = new ProcessBuilder("sleep", "300").start();
        try {
            Files.writeString(cluster.resolve("postmaster.pid"), bystander.pid() + "\n" + cluster + "\n");
            try (EmbeddedPostgres server = EmbeddedPostgres.start(folder, 0, false)) {
                assertThat(bystander.isAlive()).isTrue();
                assertThat(port(folder)).isPositive();
            }
        } finally {
            bystander.destroy();
        }
    }

    @Test
    void aClusterMadeWithTrustSignInGetsPasswordsAndIsHandedToTheApplication() throws Exception {
        try (EmbeddedPostgres old = EmbeddedPostgres.start(folder, 0, true)) {
            String superuser = Passwords.read(folder).orElseThrow().superuser();
            try (var connection = DriverManager.getConnection(old.jdbcUrl(), "postgres", superuser);
                    var statement = connection.createStatement()) {
                statement.execute("create table legacy (id int generated always as identity primary key, note text)");
                statement.execute("alter database lodestar owner to postgres");
            }
        }
        // As Lodestar left a cluster before it had passwords
        Files.writeString(cluster.resolve("pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n");
        Files.delete(folder.resolve(Passwords.FILE));

        try (EmbeddedPostgres server = EmbeddedPostgres.start(folder, 0, false)) {
            assertThat(Files.readString(cluster.resolve("pg_hba.conf"))).doesNotContain("trust");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", ""))
                    .isInstanceOf(SQLException.class);
            try (var connection = DriverManager.getConnection(
                            server.jdbcUrl(), "lodestar_app", server.applicationPassword());
                    var statement = connection.createStatement()) {
                statement.execute("insert into legacy (note) values ('kept')");
                var owners =
                        statement.executeQuery("select (select tableowner from pg_tables where tablename = 'legacy'),"
                                + " (select datdba::regrole::text from pg_database where datname = 'lodestar')");
                assertThat(owners.next()).isTrue();
                assertThat(owners.getString(1)).isEqualTo("lodestar_app");
                assertThat(owners.getString(2)).isEqualTo("lodestar_app");
            }
        }
    }

    private static boolean accepts(int port) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }

    /** A JVM of its own that has started a server in the folder, to be killed with kill -9. */
    private static Process startKilledRun(Path folder) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process run = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        KilledRun.class.getName(),
                        folder.toString())
                .redirectErrorStream(true)
                .start();
        var output = new BufferedReader(new InputStreamReader(run.getInputStream()));
        String line;
        do {
            line = output.readLine();
        } while (line != null && !line.equals("started"));
        if (line == null) {
            run.destroyForcibly();
            throw new IllegalStateException("The run ended before its server started");
        }
        return run;
    }

    /** The port of the server now holding the folder, from its pid file. */
    private static int port(Path folder) throws IOException {
        return Integer.parseInt(Files.readAllLines(folder.resolve("postgres/postmaster.pid"))
                .get(3)
                .strip());
    }
}
