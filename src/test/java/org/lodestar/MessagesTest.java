package org.lodestar;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text a user sees is a message key, present in English and in Spanish: the keys of every template, the message
 * keys written in the Java code of every module (messages, field errors, import problem codes), and one key for each
 * value of an enum that a template turns into a key.
 */
class MessagesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path JAVA = Path.of("src/main/java");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9.-]*)[(}]");
    /** {@code #{|status.${kpi.status}|}}: the key is made of a prefix and an enum's value. */
    private static final Pattern TEMPLATE_KEY_PREFIX = Pattern.compile("#\\{\\|([a-zA-Z][a-zA-Z0-9.]*\\.)\\$\\{");
    /** A string literal shaped like a message key; it is one when its first part is a key namespace or a module. */
    private static final Pattern JAVA_KEY = Pattern.compile("\"([a-z][a-zA-Z0-9]*)((?:\\.[a-zA-Z0-9]+)+)\"");

    private final Properties english = load("messages.properties");
    private final Properties spanish = load("messages_es.properties");

    @Test
    void spanishHasEveryEnglishKeyAndNoOther() {
        assertThat(spanish.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        spanish.stringPropertyNames()
                .forEach(key -> assertThat(spanish.getProperty(key)).as(key).isNotBlank());
    }

    @Test
    void everyKeyOfTheTemplatesIsInEnglishAndSpanish() throws IOException {
        Set<String> used = collect(TEMPLATES, TEMPLATE_KEY, m -> m.group(1));
        assertThat(used).hasSizeGreaterThan(200);
        assertInBoth(used);
    }

    @Test
    void everyMessageKeyInTheCodeOfEveryModuleIsInEnglishAndSpanish() throws IOException {
        Set<String> namespaces = new TreeSet<>(modules());
        english.stringPropertyNames().forEach(key -> namespaces.add(key.replaceAll("\\..*", "")));
        Set<String> used =
                collect(JAVA, JAVA_KEY, m -> namespaces.contains(m.group(1)) ? m.group(1) + m.group(2) : null);
        assertThat(used)
                .contains(
                        "planning.plan.yearsOutOfOrder",
                        "import.error.kpi",
                        "directory.password.tooGuessable",
                        "kpi.actual");
        assertInBoth(used);
    }

    /** Adding a value to such an enum without its text, or a text without its value, is caught here. */
    @Test
    void everyValueOfAnEnumTurnedIntoAKeyHasItsText() throws IOException {
        Set<String> prefixes = collect(TEMPLATES, TEMPLATE_KEY_PREFIX, m -> m.group(1));
        assertThat(prefixes).contains("status.", "role.", "unit.");
        Map<String, Set<String>> enums = enumValues();
        for (String prefix : prefixes) {
            Set<String> valuesWithText = english.stringPropertyNames().stream()
                    .filter(key -> key.startsWith(prefix)
                            && key.substring(prefix.length()).matches("[A-Z][A-Z0-9_]*"))
                    .map(key -> key.substring(prefix.length()))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(enums.values())
                    .as("an enum whose values are exactly those with a text under " + prefix + ": " + valuesWithText)
                    .contains(valuesWithText);
        }
    }

    private void assertInBoth(Set<String> used) {
        assertThat(used).allSatisfy(key -> {
            assertThat(english).as("English message " + key).containsKey(key);
            assertThat(spanish).as("Spanish message " + key).containsKey(key);
        });
    }

    private static Set<String> modules() throws IOException {
        try (Stream<Path> folders = Files.list(JAVA.resolve("org/lodestar"))) {
            return folders.filter(Files::isDirectory)
                    .map(folder -> folder.getFileName().toString())
                    .collect(Collectors.toSet());
        }
    }

    private static Map<String, Set<String>> enumValues() {
        Map<String, Set<String>> values = new TreeMap<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.lodestar")) {
            if (type.isEnum()) {
                values.put(
                        type.getName(),
                        Arrays.stream(type.reflect().getEnumConstants())
                                .map(value -> ((Enum<?>) value).name())
                                .collect(Collectors.toCollection(TreeSet::new)));
            }
        }
        return values;
    }

    private static Set<String> collect(Path root, Pattern pattern, Function<Matcher, String> key) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    String found = key.apply(matcher);
                    if (found != null) {
                        keys.add(found);
                    }
                }
            }
        }
        return keys;
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
