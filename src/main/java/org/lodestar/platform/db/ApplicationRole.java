package org.lodestar.platform.db;

import static org.lodestar.platform.db.EmbeddedPostgres.APP_USER;
import static org.lodestar.platform.db.EmbeddedPostgres.DATABASE;
import static org.lodestar.platform.db.EmbeddedPostgres.SUPERUSER;

import java.sql.DriverManager;
import java.sql.SQLException;

/** The role the application signs in as, made (or brought up to date) by the superuser at every start. */
final class ApplicationRole {

    private ApplicationRole() {}

    /**
     * The application's role owns the database and everything in it (so Flyway can migrate), but may not create
     * roles or databases. Run at every start: it also hands over what a cluster made before this role still has
     * owned by the superuser.
     */
    static void provision(String serverUrl, String databaseUrl, Passwords passwords) {
        String role = " with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '"
                + passwords.application() + "'";
        try (var connection = DriverManager.getConnection(serverUrl, SUPERUSER, passwords.superuser());
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
        try (var connection = DriverManager.getConnection(databaseUrl, SUPERUSER, passwords.superuser());
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
}
