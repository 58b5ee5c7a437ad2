package io.hsmconsole.ui.exchange;

import io.hsmconsole.controller.ClusterExchangeController;
import io.hsmconsole.controller.ControllerFixture;
import io.hsmconsole.controller.ExchangeOutcome;
import io.hsmconsole.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The export and import dialogs' rules and outcomes, without a toolkit. */
class ExchangeViewModelsTest {
    @TempDir
    Path dir;
    ControllerFixture f;
    ClusterExchangeController exchange;
    final Messages messages = Messages.load();

    @BeforeEach
    void setUp() {
        f = new ControllerFixture(dir);
        exchange = new ClusterExchangeController(f.workspace, f.runner, f.errors::add);
    }

    @AfterEach
    void tearDown() {
        f.close();
        assertThat(f.errors).isEmpty();
    }

    @Test
    void exportWantsTheSamePassphraseTwiceOfTheSimulatorsLength() {
        ExportClusterViewModel vm = new ExportClusterViewModel(exchange, messages, dir.resolve("demo-export.json"));
        assertThat(vm.heading()).isEqualTo("Export cluster \u2018demo\u2019");
        assertThat(vm.canExportProperty().get()).isFalse();

        vm.passphraseTyped(5, true);
        assertThat(vm.problemProperty().get()).isEqualTo("The passphrase needs at least 8 characters (5 typed).");
        vm.passphraseTyped(12, false);
        assertThat(vm.problemProperty().get()).isEqualTo("The two passphrases differ.");
        assertThat(vm.canExportProperty().get()).isFalse();
        vm.passphraseTyped(12, true);
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.canExportProperty().get()).isTrue();

        char[] passphrase = "sea-otter-42".toCharArray();
        vm.export(passphrase);

        assertThat(passphrase).containsOnly('\0');
        assertThat(vm.exportedProperty().get()).isTrue();
        assertThat(vm.canExportProperty().get()).as("done: the dialog only closes").isFalse();
        assertThat(vm.noticeProperty().get().text()).isEqualTo("Cluster \u2018demo\u2019 exported to demo-export.json:"
                + " 3 nodes, 7 users, 0 keys. Import it with File \u2192 Import cluster and the same passphrase.");
        assertThat(dir.resolve("demo-export.json")).exists();
    }

    @Test
    void importChecksTheNameAsTypedAndSaysWhyAnImportFailed() {
        Path file = dir.resolve("demo-export.json");
        ExportClusterViewModel export = new ExportClusterViewModel(exchange, messages, file);
        export.passphraseTyped(12, true);
        export.export("sea-otter-42".toCharArray());

        ImportClusterViewModel vm = new ImportClusterViewModel(exchange, messages, file);
        assertThat(vm.nameProperty().get()).isEqualTo("demo-export");
        vm.nameProperty().set("demo");
        assertThat(vm.nameProblemProperty().get()).isEqualTo("A cluster named \u2018demo\u2019 already exists: choose another name.");
        vm.nameProperty().set("-bad");
        assertThat(vm.nameProblemProperty().get()).startsWith("Use 1 to 64 letters");
        vm.nameProperty().set("copy");
        vm.passphraseEnteredProperty().set(true);
        assertThat(vm.canImportProperty().get()).isTrue();
        AtomicReference<ExchangeOutcome> imported = new AtomicReference<>();

        vm.importCluster("sea-otter-24".toCharArray(), imported::set);

        assertThat(imported.get()).isNull();
        assertThat(vm.noticeProperty().get().error()).isTrue();
        assertThat(vm.noticeProperty().get().text()).isEqualTo("Nothing was imported: demo-export.json: wrong passphrase"
                + " (or a damaged document); nothing was imported");
        assertThat(f.catalog.clusterNames()).containsExactly("demo");

        vm.importCluster("sea-otter-42".toCharArray(), imported::set);

        assertThat(imported.get().clusterName()).isEqualTo("copy");
        assertThat(vm.noticeProperty().get().text()).isEqualTo("Cluster \u2018copy\u2019 was imported from"
                + " demo-export.json: 3 nodes, 7 users, 0 keys.");
        assertThat(vm.nameProblemProperty().get()).as("the name is taken now").contains("already exists");
    }
}
