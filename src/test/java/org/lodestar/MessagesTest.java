package org.lodestar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text a user sees is a message key, present in English and in Spanish. */
class MessagesTest {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9.-]*)[(}]");
    private static final Pattern JAVA_KEY =
            Pattern.compile("\"((?:import|kpi|directory|planning|plan|goal)\\.[a-zA-Z.]+)\"");

    @Test
    void spanishHasEveryEnglishKeyAndNoOther() throws IOException {
        Properties english = load("messages.properties");
        Properties spanish = load("messages_es.properties");
        assertThat(spanish.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        spanish.stringPropertyNames()
                .forEach(key -> assertThat(spanish.getProperty(key)).as(key).isNotBlank());
    }

    @Test
    void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
        Properties english = load("messages.properties");
        Set<String> used = new TreeSet<>();
        collect(Path.of("src/main/resources/templates"), TEMPLATE_KEY, used);
        collect(Path.of("src/main/java"), JAVA_KEY, used);
        assertThat(used).isNotEmpty();
        assertThat(used)
                .allSatisfy(key -> assertThat(english).as("message key " + key).containsKey(key));
    }

    private static void collect(Path root, Pattern pattern, Set<String> keys) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
