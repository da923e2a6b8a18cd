package org.lodestar.platform.db;

import static org.lodestar.platform.db.EmbeddedPostgres.DATABASE;
import static org.lodestar.platform.db.EmbeddedPostgres.SUPERUSER;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database migrated before migrations were versioned per module: all modules in one history table, recognisable by
 * the first directory migration's old name. Only trial data can be in one, so the embedded server drops it and starts
 * anew instead of converting it.
 */
final class SharedHistoryDatabase {

    private static final Logger log = LoggerFactory.getLogger(SharedHistoryDatabase.class);
    private static final String FIRST_MIGRATION_BEFORE = "V1_1__districts_schools_people.sql";

    private SharedHistoryDatabase() {}

    static boolean isIn(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            var table = statement.executeQuery("select to_regclass('flyway_schema_history') is not null");
            if (!table.next() || !table.getBoolean(1)) {
                return false;
            }
        }
        try (var statement = connection.prepareStatement("select 1 from flyway_schema_history where script = ?")) {
            statement.setString(1, FIRST_MIGRATION_BEFORE);
            return statement.executeQuery().next();
        }
    }

    /** Run by the superuser before the application's database is made (or brought up to date). */
    static void dropIfFound(String serverUrl, String databaseUrl, Passwords passwords) {
        try (var server = DriverManager.getConnection(serverUrl, SUPERUSER, passwords.superuser());
                var statement = server.createStatement()) {
            if (!statement
                    .executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")
                    .next()) {
                return;
            }
            boolean found;
            try (var database = DriverManager.getConnection(databaseUrl, SUPERUSER, passwords.superuser())) {
                found = isIn(database);
            }
            if (found) {
                log.warn("The embedded database was made before migrations were versioned per module; it is"
                        + " recreated, and its trial data is gone");
                statement.execute("drop database " + DATABASE + " with (force)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the embedded database's migration history", e);
        }
    }
}
