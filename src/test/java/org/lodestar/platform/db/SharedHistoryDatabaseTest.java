package org.lodestar.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/** A trial database from before migrations were versioned per module is recreated; any other is kept. */
class SharedHistoryDatabaseTest {

    private final Path folder = Path.of("target/test-data-shared-history").toAbsolutePath();

    @Test
    void anEmbeddedDatabaseWithTheSharedHistoryIsRecreatedAndANewOneKept() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.start(folder, 0, true)) {
            execute(server, "create table kept (id int)");
        }
        try (EmbeddedPostgres server = EmbeddedPostgres.start(folder, 0, false)) {
            assertThat(exists(server, "kept")).isTrue();
            execute(
                    server,
                    "create table flyway_schema_history (version text, script text);"
                            + " insert into flyway_schema_history values ('1.1', 'V1_1__districts_schools_people.sql')");
        }
        try (EmbeddedPostgres server = EmbeddedPostgres.start(folder, 0, false)) {
            assertThat(exists(server, "kept")).isFalse();
            assertThat(exists(server, "flyway_schema_history")).isFalse();
        }
    }

    private static void execute(EmbeddedPostgres server, String sql) throws Exception {
        try (var connection =
                        DriverManager.getConnection(server.jdbcUrl(), "lodestar_app", server.applicationPassword());
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static boolean exists(EmbeddedPostgres server, String table) throws Exception {
        try (var connection =
                        DriverManager.getConnection(server.jdbcUrl(), "lodestar_app", server.applicationPassword());
                var statement = connection.createStatement()) {
            var result = statement.executeQuery("select to_regclass('" + table + "') is not null");
            result.next();
            return result.getBoolean(1);
        }
    }
}
