package org.flowexplorer.model.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** model/ is plain Java + ND4J: it must never depend on JavaFX (or on the app). */
class ArchitectureTest {
    private final JavaClasses model = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.flowexplorer.model");

    @Test
    void modelNeverImportsJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
                .check(model);
    }

    @Test
    void modelNeverDependsOnTheApp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.flowexplorer.app..").check(model);
    }
}
