package org.lodestar.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.LodestarApplication;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.modulith.core.ApplicationModules;

/** Each module's migrations are versioned on their own, applied in the order of the foreign keys between modules. */
@LodestarTest
class ModuleMigrationsTest {

    private static final String SCHEMA = "migration_probe";
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create table (?:if not exists )?(\\w+)");

    @Autowired
    Flyway flyway;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Value("${lodestar.migrations.modules}")
    List<String> modules;

    @TempDir
    Path folder;

    @Test
    void aModulesNextMigrationAppliesAfterTheOtherModulesOnADatabaseAlreadyMigrated() throws IOException {
        assertThat(modules.get(0)).isEqualTo("directory");
        for (String module : modules) {
            Path moduleFolder = Files.createDirectories(folder.resolve(module));
            for (Resource file : sqlFiles(module)) {
                Files.copy(file.getInputStream(), moduleFolder.resolve(file.getFilename()));
            }
        }
        try {
            migrate();
            Flyway directory = perModule().get(0);
            int next = directory.info().current().getVersion().getMajor().intValueExact() + 1;

            // directory's next migration comes after enrollment's last one, which a shared history would refuse
            Files.writeString(
                    folder.resolve("directory/V" + next + "__probe.sql"),
                    "create table probe (district_id uuid not null references district (id), id uuid not null,"
                            + " primary key (district_id, id));");
            migrate();

            for (Flyway module : perModule()) {
                assertThat(module.validateWithResult().validationSuccessful)
                        .as(module.getConfiguration().getTable())
                        .isTrue();
                assertThat(module.info().pending()).isEmpty();
            }
            assertThat(jdbc.sql("select version from " + SCHEMA + ".flyway_schema_history_directory where success"
                                    + " order by installed_rank desc limit 1")
                            .query(String.class)
                            .single())
                    .isEqualTo(String.valueOf(next));
            assertThat(jdbc.sql("select count(*) from " + SCHEMA + ".probe")
                            .query(Integer.class)
                            .single())
                    .isZero();
        } finally {
            jdbc.sql("drop schema if exists " + SCHEMA + " cascade").update();
        }
    }

    @Test
    void everyMigrationFolderIsAModuleAndIsMigrated() throws IOException {
        Set<String> folders = new TreeSet<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*/*")) {
            String path = file.getURL().getPath();
            folders.add(path.substring(0, path.lastIndexOf('/')).replaceAll(".*/", ""));
        }
        assertThat(new TreeSet<>(modules)).as("lodestar.migrations.modules").isEqualTo(folders);
        ApplicationModules modules = ApplicationModules.of(LodestarApplication.class);
        assertThat(folders)
                .allSatisfy(module -> assertThat(modules.getModuleByName(module))
                        .as("module " + module)
                        .isPresent());
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_schema = 'public'"
                                + " and table_name like 'flyway_schema_history_%'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(folders.size());
    }

    /** An external database with the history of before is refused with a clear message, not half migrated. */
    @Test
    void aDatabaseWithTheSharedHistoryOfBeforeIsRefused() throws Exception {
        String schema = "shared_history_probe";
        Connection connection = dataSource.getConnection();
        try (var statement = connection.createStatement()) {
            statement.execute("create schema " + schema + "; set search_path to " + schema);
            statement.execute("create table flyway_schema_history (version text, script text);"
                    + " insert into flyway_schema_history values ('1.1', 'V1_1__districts_schools_people.sql')");
            Flyway old = Flyway.configure()
                    .dataSource(new SingleConnectionDataSource(connection, true))
                    .locations(flyway.getConfiguration().getLocations())
                    .load();
            assertThatThrownBy(() ->
                            new ModuleMigrations().perModuleHistories(modules).migrate(old))
                    .hasMessageContaining("migrated before Lodestar versioned migrations per module");
            var untouched =
                    statement.executeQuery("select count(*) from pg_tables where schemaname = '" + schema + "'");
            untouched.next();
            assertThat(untouched.getInt(1)).as("tables in " + schema).isEqualTo(1);
        } finally {
            // the connection goes back to the pool, where nobody expects another search path
            try (var statement = connection.createStatement()) {
                statement.execute("reset search_path");
            }
            connection.close();
            jdbc.sql("drop schema if exists " + schema + " cascade").update();
        }
    }

    /** A module's tables may only reference tables of itself or of modules migrated before it. */
    @Test
    void foreignKeysPointOnlyIntoModulesMigratedBefore() throws IOException {
        Map<String, String> moduleOfTable = new HashMap<>();
        for (String module : modules) {
            for (Resource file : sqlFiles(module)) {
                Matcher table = CREATE_TABLE.matcher(file.getContentAsString(StandardCharsets.UTF_8));
                while (table.find()) {
                    moduleOfTable.put(table.group(1), module);
                }
            }
        }
        List<Map<String, Object>> keys = jdbc.sql("""
                        select c.conrelid::regclass::text as referencing, c.confrelid::regclass::text as referenced
                        from pg_constraint c join pg_namespace n on n.oid = c.connamespace
                        where c.contype = 'f' and n.nspname = 'public'""").query().listOfRows();
        assertThat(keys).hasSizeGreaterThan(10);
        for (Map<String, Object> key : keys) {
            String from = moduleOfTable.get((String) key.get("referencing"));
            String to = moduleOfTable.get((String) key.get("referenced"));
            assertThat(from).as("module creating " + key.get("referencing")).isNotNull();
            assertThat(to).as("module creating " + key.get("referenced")).isNotNull();
            assertThat(modules.indexOf(to))
                    .as(key.get("referencing") + " (" + from + ") references " + key.get("referenced") + " (" + to
                            + ")")
                    .isLessThanOrEqualTo(modules.indexOf(from));
        }
    }

    private void migrate() {
        perModule().forEach(Flyway::migrate);
    }

    /** The application's migrations, copied to a folder where a test can add one, into a schema of their own. */
    private List<Flyway> perModule() {
        return ModuleMigrations.perModule(
                Flyway.configure()
                        .configuration(flyway.getConfiguration())
                        .dataSource(dataSource)
                        .schemas(SCHEMA)
                        .locations("filesystem:" + folder),
                modules);
    }

    private static Resource[] sqlFiles(String module) throws IOException {
        return new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/" + module + "/*.sql");
    }
}
