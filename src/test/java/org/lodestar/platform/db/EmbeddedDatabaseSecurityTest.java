package org.lodestar.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Another local user can reach the embedded server's port; neither it nor the application may act as superuser. */
@LodestarTest
class EmbeddedDatabaseSecurityTest {

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    DataSource dataSource;

    @Value("${lodestar.data-dir}")
    Path dataDir;

    @Test
    void theSuperuserNeedsItsPassword() throws Exception {
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), "postgres", ""))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "guess"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
        String password = Passwords.read(dataDir.toAbsolutePath()).orElseThrow().superuser();
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", password)) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    @Test
    void theApplicationIsNoSuperuserAndCannotRunShellCommands() throws Exception {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            var user =
                    statement.executeQuery("select current_user, rolsuper from pg_roles where rolname = current_user");
            assertThat(user.next()).isTrue();
            assertThat(user.getString(1)).isEqualTo("lodestar_app");
            assertThat(user.getBoolean(2)).isFalse();
            assertThatThrownBy(() -> statement.execute("copy (select 1) to program 'true'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.execute("select pg_read_file('/etc/passwd')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void onlyTheOwnerCanReadThePasswords() throws Exception {
        Path folder = dataDir.toAbsolutePath();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(Passwords.FILE))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                .isEqualTo("rwx------");
    }

    @Test
    void noOneIsTrustedWithoutAPassword() throws Exception {
        String hba = Files.readString(dataDir.toAbsolutePath().resolve("postgres/pg_hba.conf"));
        assertThat(hba).doesNotContainIgnoringCase("trust").contains("127.0.0.1/32 scram-sha-256");
    }
}
