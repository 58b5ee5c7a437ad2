package io.hsmconsole.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layer rules of the architecture document, so the house cannot quietly decay. */
class LayerRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.hsmconsole");
    }

    @Test
    void simulatorStoreAndShellsKnowNoToolkit() {
        noClasses().that().resideInAnyPackage("io.hsmconsole.hsm..", "io.hsmconsole.store..", "io.hsmconsole.shell..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void controllersKnowNoScene() {
        noClasses().that().resideInAPackage("io.hsmconsole.controller..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "org.controlsfx..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void theUiTalksToControllersOnly() {
        noClasses().that().resideInAPackage("io.hsmconsole.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("io.hsmconsole.store..", "io.hsmconsole.shell..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void theSimulatorDoesNotKnowItsClients() {
        noClasses().that().resideInAnyPackage("io.hsmconsole.hsm..", "io.hsmconsole.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.hsmconsole.shell..", "io.hsmconsole.controller..",
                        "io.hsmconsole.ui..", "io.hsmconsole.app..", "io.hsmconsole.pkcs11..")
                .allowEmptyShould(true).check(classes);
    }

    /** The PKCS#11 endpoint is a client of the simulator beside the shells: neither knows the other. */
    @Test
    void thePkcs11EndpointAndTheShellsAreSeparateClients() {
        noClasses().that().resideInAPackage("io.hsmconsole.pkcs11..")
                .should().dependOnClassesThat().resideInAnyPackage("io.hsmconsole.shell..", "io.hsmconsole.controller..",
                        "io.hsmconsole.ui..", "javafx..")
                .allowEmptyShould(true).check(classes);
        noClasses().that().resideInAnyPackage("io.hsmconsole.shell..", "io.hsmconsole.controller..", "io.hsmconsole.ui..")
                .should().dependOnClassesThat().resideInAPackage("io.hsmconsole.pkcs11..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void theStoreDoesNotKnowTheSimulator() {
        noClasses().that().resideInAPackage("io.hsmconsole.store..")
                .should().dependOnClassesThat().resideInAPackage("io.hsmconsole.hsm..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void nothingImportsTheEntryPoints() {
        noClasses().that().resideOutsideOfPackage("io.hsmconsole.app..")
                .should().dependOnClassesThat().resideInAPackage("io.hsmconsole.app..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.hsmconsole.(**)").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
    }
}
