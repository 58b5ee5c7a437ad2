package io.hsmconsole.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of the architecture document, so the house cannot quietly decay. Every main class
 * belongs to a layer (a new top-level package fails here until it is given its place), every layer
 * holds classes, and no rule may pass for want of classes to check.
 * <pre>
 * app                        entry points: wiring only; nothing uses them
 * ui → controller            the window and its use cases
 * service                    the client daemon: hosts the shells for the launchers
 * shell                      command languages: parse → call the simulator → print
 * pkcs11                     the PKCS#11 endpoint (p11-kit RPC): decode → call the simulator → encode
 * text                       the one home of KMU/CMU output and of the audit export format
 * hsm                        the simulator: every rule
 * store                      persistence: interfaces, with store.sqlite and store.postgresql implementing them; knows no one above it
 * model                      value types shared by the simulator and the store (user types, key classes)
 * </pre>
 */
class LayerRulesTest {
    private static final String APP = "io.hsmconsole.app..";
    private static final String UI = "io.hsmconsole.ui..";
    private static final String CONTROLLER = "io.hsmconsole.controller..";
    private static final String SERVICE = "io.hsmconsole.service..";
    private static final String SHELL = "io.hsmconsole.shell..";
    private static final String PKCS11 = "io.hsmconsole.pkcs11..";
    private static final String TEXT = "io.hsmconsole.text..";
    private static final String HSM = "io.hsmconsole.hsm..";
    private static final String STORE = "io.hsmconsole.store..";
    private static final String[] STORE_IMPLEMENTATIONS = {"io.hsmconsole.store.sqlite..", "io.hsmconsole.store.postgresql.."};
    private static final String MODEL = "io.hsmconsole.model..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.hsmconsole");
    }

    @Test
    void everyPackageHasItsLayer() {
        layeredArchitecture().consideringAllDependencies()
                .layer("App").definedBy(APP)
                .layer("Ui").definedBy(UI)
                .layer("Controller").definedBy(CONTROLLER)
                .layer("Service").definedBy(SERVICE)
                .layer("Shell").definedBy(SHELL)
                .layer("Pkcs11").definedBy(PKCS11)
                .layer("Text").definedBy(TEXT)
                .layer("Hsm").definedBy(HSM)
                .layer("Store").definedBy(STORE)
                .layer("Model").definedBy(MODEL)
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("Ui").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Controller").mayOnlyBeAccessedByLayers("App", "Ui")
                .whereLayer("Service").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Shell").mayOnlyBeAccessedByLayers("App", "Controller", "Service")
                // The PKCS#11 endpoint is a client beside the shells: the daemon hosts it, neither shell nor UI knows it.
                .whereLayer("Pkcs11").mayOnlyBeAccessedByLayers("App", "Service")
                .whereLayer("Text").mayOnlyBeAccessedByLayers("App", "Ui", "Controller", "Service", "Shell")
                .whereLayer("Hsm").mayOnlyBeAccessedByLayers("App", "Ui", "Controller", "Service", "Shell", "Pkcs11", "Text")
                // The UI sees no store: it asks controllers, which ask the simulator.
                .whereLayer("Store").mayOnlyBeAccessedByLayers("App", "Controller", "Service", "Shell", "Pkcs11", "Text", "Hsm")
                .whereLayer("Model").mayOnlyBeAccessedByLayers("App", "Ui", "Controller", "Service", "Shell", "Pkcs11", "Text",
                        "Hsm", "Store")
                .ensureAllClassesAreContainedInArchitecture()
                .check(classes);
    }

    /**
     * The simulator works on the store's interfaces only; which implementation it runs on is chosen in
     * app and passed in, so another backend (PostgreSQL) is added without touching the simulator.
     */
    @Test
    void theSimulatorNamesNoStoreImplementation() {
        noClasses().that().resideInAPackage(HSM)
                .should().dependOnClassesThat().resideInAnyPackage(STORE_IMPLEMENTATIONS)
                .check(classes);
    }

    /** Below the store implementations only app names one: every other layer gets the one app chose. */
    @Test
    void onlyAppChoosesTheStoreImplementation() {
        noClasses().that().resideOutsideOfPackages(APP, STORE_IMPLEMENTATIONS[0], STORE_IMPLEMENTATIONS[1])
                .should().dependOnClassesThat().resideInAnyPackage(STORE_IMPLEMENTATIONS)
                .check(classes);
    }

    /** The shared value types know nothing of the layers that share them. */
    @Test
    void theModelKnowsNoLayer() {
        noClasses().that().resideInAPackage(MODEL)
                .should().dependOnClassesThat().resideInAnyPackage(APP, UI, CONTROLLER, SERVICE, SHELL, PKCS11, TEXT, HSM, STORE)
                .check(classes);
    }

    @Test
    void theOutputFormatsKnowNoClient() {
        // text may be used by every client; it may use the simulator's types, never a client's.
        noClasses().that().resideInAPackage(TEXT)
                .should().dependOnClassesThat().resideInAnyPackage(APP, UI, CONTROLLER, SERVICE, SHELL, PKCS11)
                .check(classes);
    }

    @Test
    void simulatorStoreTextAndShellsKnowNoToolkit() {
        noClasses().that().resideInAnyPackage(HSM, STORE, SHELL, PKCS11, TEXT, SERVICE)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void controllersKnowNoScene() {
        noClasses().that().resideInAPackage(CONTROLLER)
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "org.controlsfx..")
                .check(classes);
    }

    /** The PKCS#11 endpoint and the shells are separate clients of the simulator: neither knows the other. */
    @Test
    void thePkcs11EndpointAndTheShellsAreSeparateClients() {
        noClasses().that().resideInAPackage(PKCS11)
                .should().dependOnClassesThat().resideInAnyPackage(SHELL, CONTROLLER, UI)
                .check(classes);
    }

    /**
     * The CloudHSM CLI (SDK 5) and the SDK 3 shells (KMU, CMU) are separate command languages over the
     * one simulator: neither reuses the other's parsing or output, so neither can leak the other's syntax.
     */
    @Test
    void theCloudHsmCliAndTheSdk3ShellsAreSeparateLanguages() {
        noClasses().that().resideInAPackage("io.hsmconsole.shell.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.hsmconsole.shell.kmu..", "io.hsmconsole.shell.cmu..")
                .check(classes);
        noClasses().that().resideInAnyPackage("io.hsmconsole.shell.kmu..", "io.hsmconsole.shell.cmu..")
                .should().dependOnClassesThat().resideInAPackage("io.hsmconsole.shell.cli..")
                .check(classes);
        noClasses().that().resideInAPackage("io.hsmconsole.text.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.hsmconsole.text")
                .check(classes);
    }

    /** One logging API (SLF4J, its backend configured in app): every log line lands in one place, in one format. */
    @Test
    void everythingLogsThroughSlf4j() {
        noClasses().should().dependOnClassesThat().resideInAPackage("java.util.logging..").check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.hsmconsole.(**)").should().beFreeOfCycles().check(classes);
    }
}
