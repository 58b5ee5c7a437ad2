package io.hsmconsole.ui;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.NodeResult;
import io.hsmconsole.hsm.Permission;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.attest.AttestationReport;
import io.hsmconsole.ui.common.DialogService;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The desktop console's addition to {@code LayerRulesTest}: the UI renders the simulator's result
 * values (results, return codes, key/cluster/user records, attestation reports) but never holds
 * the cluster, a session or the catalog - it acts through controllers.
 */
class GuiLayersTest {
    private static final JavaClasses CLASSES = importOwnClasses();

    /** Values the UI may render: results, return codes, permissions and the records of the key/cluster/user packages. */
    private static final DescribedPredicate<JavaClass> SIMULATOR_VALUES = DescribedPredicate.describe(
            "simulator result values", c -> c.isEquivalentTo(HsmResult.class) || c.isEquivalentTo(ReturnCode.class)
                    || c.isEquivalentTo(Permission.class)
                    || c.isEquivalentTo(NodeResult.class) || c.isEquivalentTo(AttestationReport.class)
                    || c.getPackageName().equals("io.hsmconsole.hsm.key")
                    || c.getPackageName().equals("io.hsmconsole.hsm.cluster")
                    || c.getPackageName().equals("io.hsmconsole.hsm.user"));

    /**
     * Our classes only: the rules look at package names, so JavaFX and the JDK need not be read
     * (resolving them from the class path took most of this test's time).
     */
    private static JavaClasses importOwnClasses() {
        ArchConfiguration config = ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false);
        try {
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.hsmconsole");
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    @Test
    void theUiSeesOnlyTheSimulatorsValuesAndTalksToControllers() {
        noClasses().that().resideInAPackage("io.hsmconsole.ui..")
                .should().dependOnClassesThat(DescribedPredicate.and(
                        JavaClass.Predicates.resideInAPackage("io.hsmconsole.hsm.."),
                        DescribedPredicate.not(SIMULATOR_VALUES)))
                .check(CLASSES);
    }

    /** Every dialog goes through DialogService, so view models are tested without windows and all dialogs look alike. */
    @Test
    void onlyTheDialogServiceBuildsDialogs() {
        noClasses().that().doNotImplement(DialogService.class)
                .should().dependOnClassesThat().haveNameMatching(
                        "javafx\\.scene\\.control\\.(Alert|Dialog|TextInputDialog|ChoiceDialog)(\\$.*)?")
                .check(CLASSES);
    }

    /** The FX task runner is the UI's: controllers run work through TaskRunner and never touch FX threads. */
    @Test
    void controllersLeaveFxThreadsToTheUi() {
        noClasses().that().resideInAPackage("io.hsmconsole.controller..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.concurrent..", "javafx.application..")
                .check(CLASSES);
    }

    /** One package of shared UI pieces: ui.common (ui.support was folded into it). */
    @Test
    void sharedUiPiecesLiveInUiCommon() {
        noClasses().should().resideInAPackage("io.hsmconsole.ui.support..").check(CLASSES);
    }
}
