package org.pallas.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure: no cycles, no reaching into another module's internals, layering rules. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(Pallas.class);
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.pallas.server");

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        MODULES.verify();
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString())).contains("platform", "identity", "web");
    }

    @Test
    void writesTheModuleMapToTarget() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/spring-modulith-docs"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(Files.exists(Path.of("target/spring-modulith-docs/components.puml")))
                .isTrue();
    }

    @Test
    void servicesAndRepositoriesNeverTouchTheServletApi() {
        noClasses()
                .that()
                .areAnnotatedWith(org.springframework.stereotype.Service.class)
                .or()
                .areAnnotatedWith(org.springframework.stereotype.Repository.class)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("jakarta.servlet..")
                .because("domain code must not depend on the HTTP request; controllers pass what it needs")
                .check(CLASSES);
    }

    @Test
    void controllersNeverQueryTheDatabaseThemselves() {
        noClasses()
                .that()
                .areAnnotatedWith(org.springframework.stereotype.Controller.class)
                .or()
                .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .because("every read of tenant data goes through a repository that scopes it to the caller")
                .check(CLASSES);
    }

    @Test
    void timeComesFromTheInjectedClock() {
        noClasses()
                .should()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(java.time.LocalDateTime.class, "now")
                .orShould()
                .callMethod(java.time.OffsetDateTime.class, "now")
                .orShould()
                .callMethod(java.time.LocalDate.class, "now")
                .because("time is injected (java.time.Clock) so that tests can move it")
                .check(CLASSES);
    }
}
