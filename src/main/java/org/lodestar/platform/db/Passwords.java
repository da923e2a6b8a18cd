package org.lodestar.platform.db;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The embedded server's two passwords: its superuser's (kept only for maintenance and for creating the application
 * role) and the application role's. They live in the data folder in a file only its owner can read, because anyone
 * who reads them can sign in to the database.
 */
record Passwords(String superuser, String application) {

    static final String FILE = "postgres-passwords.properties";
    private static final SecureRandom RANDOM = new SecureRandom();
    // Only characters that need no quoting in SQL or in a pg password file
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{32,}");

    Passwords {
        if (!SAFE.matcher(superuser).matches() || !SAFE.matcher(application).matches()) {
            throw new IllegalStateException("The password file " + FILE + " holds a malformed password; delete it and"
                    + " restart: Lodestar then sets new passwords");
        }
    }

    static Passwords generate() {
        return new Passwords(random(), random());
    }

    static Optional<Passwords> read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return Optional.of(
                new Passwords(properties.getProperty("superuser", ""), properties.getProperty("application", "")));
    }

    /** Written to a new owner-only file first and then moved, so that the passwords are never readable by others. */
    void write(Path folder) {
        Path file = folder.resolve(FILE);
        try {
            Path draft = Files.createTempFile(
                    folder,
                    "passwords",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(draft)) {
                writer.write("# Passwords of the embedded PostgreSQL; user names: " + EmbeddedPostgres.SUPERUSER
                        + " (superuser) and " + EmbeddedPostgres.APP_USER + " (the application)\n");
                writer.write("superuser=" + superuser + "\napplication=" + application + "\n");
            }
            Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "Passwords[hidden]";
    }
}
