package org.lodestar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(LodestarApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        modules.verify();
    }

    /**
     * Modulith checks which types a module uses, not which tables its SQL writes, so a statement in measures could
     * still change planning's rows. Those writes belong to planning: measures calls its API (publishing a goal is
     * {@code PlanningApi.setPublished}) or reacts to its events.
     */
    @Test
    void measuresWritesNoneOfPlanningsTables() throws java.io.IOException {
        Pattern write = Pattern.compile(
                "(insert\\s+into|update|delete\\s+from)\\s+(plan|goal|outcome|strategy|project|goal_alignment)\\b",
                Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/lodestar/measures"))) {
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

    @Test
    void everyModuleOfTheDesignIsThere() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .contains("shared", "platform", "directory", "planning", "measures", "reports");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        assertThat(new java.io.File("target/spring-modulith-docs")).isDirectory();
    }
}
