package org.lodestar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Repository;

/** Rules inside modules that Spring Modulith does not check: it only sees what crosses a module's border. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lodestar");

    /** Forecasting, status rules, text similarity, the Ed-Fi reader and the kernel are plain Java, tested and reused without a Spring context. */
    @Test
    void algorithmsDependOnNothingOfSpring() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "..enrollment.projection..",
                        "..measures.status..",
                        "..planning.compliance..",
                        "..insights.similarity..",
                        "..insights.themes..",
                        "..needs.edfi..",
                        "org.lodestar.shared..")
                // package-info carries Spring Modulith's module declaration, which is not code
                .and()
                .doNotHaveSimpleName("package-info")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..")
                .check(CLASSES);
    }

    /** Pages and the REST API reach data through a facade or a domain service, which check rights and audit changes. */
    @Test
    void controllersUseNoStore() {
        Set<String> used = new TreeSet<>();
        for (JavaClass type : CLASSES) {
            if (!type.getPackageName().matches(".*\\.(web|api)(\\..*)?")) {
                continue;
            }
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass();
                if (target.getPackageName().matches(".*\\.domain(\\..*)?")
                        && target.isAnnotatedWith(Repository.class)) {
                    used.add(topLevel(type) + " -> " + target.getName());
                }
            }
        }
        assertThat(CLASSES.stream().filter(type -> type.isAnnotatedWith(Repository.class)))
                .hasSizeGreaterThan(5);
        assertThat(used)
                .as("controllers that use a store instead of their module's API or a domain service")
                .isEmpty();
    }

    private static String topLevel(JavaClass type) {
        return type.getName().replaceAll("\\$.*", "");
    }
}
