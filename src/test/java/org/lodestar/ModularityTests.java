package org.lodestar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(LodestarApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        modules.verify();
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
