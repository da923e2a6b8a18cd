package org.lodestar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private static final Path DOCS = Path.of("target/spring-modulith-docs");
    private static final Pattern RELATION = Pattern.compile("Rel\\([\\w.]+\\.(\\w+), [\\w.]+\\.(\\w+),");

    /** What each module may use, from the design's table of modules ("*": every module's API). */
    private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("shared", Set.of()),
            Map.entry("platform", Set.of("shared", "directory")),
            Map.entry("directory", Set.of("shared")),
            Map.entry("planning", Set.of("directory", "insights", "shared")),
            Map.entry("measures", Set.of("planning", "directory", "shared")),
            Map.entry("execution", Set.of("planning", "measures", "directory", "shared")),
            Map.entry("needs", Set.of("measures", "directory", "shared")),
            Map.entry("engagement", Set.of("planning", "directory", "insights", "needs", "shared")),
            Map.entry("programs", Set.of("planning", "measures", "directory", "insights", "shared")),
            Map.entry("enrollment", Set.of("directory", "shared")),
            Map.entry("network", Set.of("planning", "measures", "directory", "insights", "shared")),
            Map.entry("insights", Set.of("shared")),
            Map.entry("reports", Set.of("*")),
            Map.entry("demo", Set.of("*")));

    private final ApplicationModules modules = ApplicationModules.of(LodestarApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        modules.verify();
    }

    /** The tables each module owns: only its own code writes them. */
    private static final Map<String, String> TABLES = Map.of(
            "planning", "plan|goal|outcome|strategy|goal_alignment|compliance_framework",
            "execution", "project",
            "measures", "kpi|kpi_target|measurement");

    /**
     * Modulith checks which types a module uses, not which tables its SQL writes, so a statement in measures could
     * still change planning's rows. Those writes belong to the owner: others call its API (publishing a goal is
     * {@code PlanningApi.setPublished}) or react to its events (execution archives projects of a removed strategy).
     */
    @Test
    void noModuleWritesAnotherModulesTables() throws IOException {
        for (String writer : List.of("planning", "execution", "measures")) {
            String others = TABLES.entrySet().stream()
                    .filter(owner -> !owner.getKey().equals(writer))
                    .map(Map.Entry::getValue)
                    .collect(java.util.stream.Collectors.joining("|"));
            Pattern write = Pattern.compile(
                    "(insert\\s+into|update|delete\\s+from|alter\\s+table)\\s+(" + others + ")\\b",
                    Pattern.CASE_INSENSITIVE);
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/lodestar/" + writer))) {
                List<Path> sources =
                        files.filter(f -> f.toString().endsWith(".java")).toList();
                assertThat(sources).isNotEmpty();
                for (Path source : sources) {
                    assertThat(write.matcher(Files.readString(source)).find())
                            .as(source.toString())
                            .isFalse();
                }
            }
        }
    }

    @Test
    void everyModuleIsOneOfTheDesign() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .contains(
                        "shared",
                        "platform",
                        "directory",
                        "planning",
                        "execution",
                        "measures",
                        "enrollment",
                        "insights",
                        "reports",
                        "demo")
                .allSatisfy(module -> assertThat(MAY_USE).containsKey(module));
    }

    /**
     * The documentation names every module, draws the dependencies the design expects and none it forbids, and has a
     * diagram and a canvas of every module.
     */
    @Test
    void documentationShowsEveryModuleAndOnlyDependenciesTheDesignAllows() throws IOException {
        new Documenter(modules)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        String overview = Files.readString(DOCS.resolve("components.puml"));
        Set<String> drawn = relations(overview);
        assertThat(drawn)
                .contains(
                        "platform -> directory",
                        "planning -> directory",
                        "planning -> insights",
                        "measures -> planning",
                        "execution -> planning",
                        "enrollment -> directory",
                        "reports -> measures");
        assertThat(drawn).allSatisfy(relation -> {
            String[] ends = relation.split(" -> ");
            assertThat(MAY_USE.get(ends[0])).as(relation).containsAnyOf(ends[1], "*");
        });
        for (ApplicationModule module : modules) {
            String id = module.getIdentifier().toString();
            assertThat(overview).as("overview").contains("\"" + module.getDisplayName() + "\"");
            String diagram = Files.readString(DOCS.resolve("module-" + id + ".puml"));
            drawn.stream()
                    .filter(relation -> relation.startsWith(id + " -> "))
                    .forEach(relation ->
                            assertThat(relations(diagram)).as("module-" + id).contains(relation));
            assertThat(Files.readString(DOCS.resolve("module-" + id + ".adoc")))
                    .as("canvas of " + id)
                    .contains("`" + module.getBasePackage().getName() + "`");
        }
    }

    private static Set<String> relations(String plantUml) {
        Set<String> relations = new TreeSet<>();
        Matcher matcher = RELATION.matcher(plantUml);
        while (matcher.find()) {
            relations.add(
                    matcher.group(1).toLowerCase() + " -> " + matcher.group(2).toLowerCase());
        }
        return relations;
    }
}
