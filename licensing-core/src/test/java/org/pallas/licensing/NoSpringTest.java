package org.pallas.licensing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** licensing-core is plain Java like the other cores: usable, and testable, without Spring or a server. */
class NoSpringTest {

    static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.pallas.licensing");

    @Test
    void theDomainNeverReferencesSpringJakartaOrTheServer() {
        assertThat(CORE).as("the core's classes were imported").hasSizeGreaterThan(50);
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta..", "org.pallas.server..")
                .because("the domain is plain Java; the server wires it, stores it and serves it")
                .check(CORE);
    }

    @Test
    void springIsNotOnTheCoresClasspath() {
        assertThat(getClass().getClassLoader().getResource("org/springframework"))
                .isNull();
    }
}
