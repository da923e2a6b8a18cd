package org.lodestar.platform.db;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * Every module's migrations are versioned on their own, in their own history table, so that one module's next
 * migration never lands behind another module's last one. Modules are migrated in the explicit order of
 * {@code lodestar.migrations.modules}, the order of the foreign keys between them (directory first): Spring Modulith's
 * own Flyway strategy orders modules by their code dependencies, which need not be the order of the foreign keys, and
 * only when JGraphT is on the class path. Folders ({@code <location>/<module>}) and history tables
 * ({@code flyway_schema_history_<module>}) are named as Spring Modulith names them, so either can take over.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class ModuleMigrations {

    @Bean
    FlywayMigrationStrategy perModuleHistories(@Value("${lodestar.migrations.modules}") List<String> modules) {
        return flyway -> {
            refuseSharedHistory(flyway.getConfiguration());
            perModule(flyway.getConfiguration(), modules).forEach(Flyway::migrate);
        };
    }

    /** One Flyway per module, in the given order, each reading its module's folder of every configured location. */
    static List<Flyway> perModule(Configuration configuration, List<String> modules) {
        return modules.stream()
                .map(module -> Flyway.configure()
                        .configuration(configuration)
                        .locations(Arrays.stream(configuration.getLocations())
                                .map(location -> location + "/" + module)
                                .toArray(String[]::new))
                        .table(configuration.getTable() + "_" + module)
                        // Every module but the first finds the schema holding the tables of those before it
                        .baselineOnMigrate(true)
                        .baselineVersion("0")
                        .load())
                .toList();
    }

    /**
     * A database migrated before migrations were versioned per module has one shared history; migrating it again would
     * fail on its first table. No district ran Lodestar then, so it is recreated rather than converted: the embedded
     * database does that itself ({@link SharedHistoryDatabase}), an external one is left to its administrator.
     */
    private static void refuseSharedHistory(Configuration configuration) {
        try (var connection = configuration.getDataSource().getConnection()) {
            if (SharedHistoryDatabase.isIn(connection)) {
                throw new IllegalStateException("This database was migrated before Lodestar versioned migrations per"
                        + " module (one shared flyway_schema_history). Recreate it empty; Lodestar then migrates it"
                        + " anew.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the database's migration history", e);
        }
    }
}
