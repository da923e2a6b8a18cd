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
import org.junit.jupiter.api.Test;

/** What the embedded server finds in its data folder at start: a server left running, a stale pid, an old cluster. */
class EmbeddedPostgresRestartTest {

    private final Path folder = Path.of("target/test-data-restart").toAbsolutePath();
    private final Path cluster = folder.resolve("postgres");

    @Test
    void aServerLeftRunningByAKilledRunIsStoppedAndANewOneStarts() throws Exception {
        EmbeddedPostgres.start(folder, 0, true);
        int lostPort = port();
        // Never closed, as when the JVM is killed with kill -9; a reset must not leave it serving a deleted folder
        try (EmbeddedPostgres next = EmbeddedPostgres.start(folder, 0, true)) {
            assertThatThrownBy(() -> new Socket("127.0.0.1", lostPort).close()).isInstanceOf(ConnectException.class);
            assertThat(port()).isNotEqualTo(lostPort);
            try (var connection =
                    DriverManager.getConnection(next.jdbcUrl(), "lodestar_app", next.applicationPassword())) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }

    @Test
    void theServerStopsWhenItsJvmIsKilled() throws Exception {
        Path killedFolder = Path.of("target/test-data-killed").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process run = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        KilledRun.class.getName(),
                        killedFolder.toString())
                .redirectErrorStream(true)
                .start();
        int port;
        try (var output = new BufferedReader(new InputStreamReader(run.getInputStream()))) {
            String line;
            do {
                line = output.readLine();
            } while (line != null && !line.equals("started"));
            assertThat(line).as("the run started its server").isEqualTo("started");
            port = Integer.parseInt(Files.readAllLines(killedFolder.resolve("postgres/postmaster.pid"))
                    .get(3)
                    .strip());
        } finally {
            run.destroyForcibly().waitFor();
        }
        Instant deadline = Instant.now().plusSeconds(30);
        while (accepts(port) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(accepts(port)).as("a server still listens on port " + port).isFalse();
    }

    @Test
    void aStalePidFileNamingAnotherProcessIsRemovedAndThatProcessLeftAlone() throws Exception {
        EmbeddedPostgres.start(folder, 0, true).close();
        Process bystander = new ProcessBuilder("sleep", "300").start();
        try {
            Files.writeString(cluster.resolve("postmaster.pid"), bystander.pid() + "\n" + cluster + "\n");
            try (EmbeddedPostgres server = EmbeddedPostgres.start(folder, 0, false)) {
                assertThat(bystander.isAlive()).isTrue();
                assertThat(port()).isPositive();
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

    /** The port of the server now holding the folder, from its pid file. */
    private int port() throws Exception {
        return Integer.parseInt(
                Files.readAllLines(cluster.resolve("postmaster.pid")).get(3).strip());
    }
}
