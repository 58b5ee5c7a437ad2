package io.hsmconsole.ui.console;

import io.hsmconsole.controller.ConsoleController;
import io.hsmconsole.controller.ConsoleLanguage;
import io.hsmconsole.controller.ControllerFixture;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.hsmconsole.controller.ControllerFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The pane's transcript teaches the command line: what the windows did appears as its command. */
class ConsoleViewModelTest {
    @TempDir
    Path dir;
    ControllerFixture f;
    ConsoleViewModel vm;
    ConsoleController console;

    @BeforeEach
    void setUp() {
        f = new ControllerFixture(dir);
        console = new ConsoleController(f.workspace, f.runner, dir);
        vm = new ConsoleViewModel(console, f.workspace, Messages.load());
    }

    @AfterEach
    void tearDown() {
        console.close();
        f.close();
    }

    @Test
    void windowActionsAppearAsTheirKeyMgmtUtilCommands() {
        f.login("example_user");
        HsmResult<GeneratedKey> made = await(done -> f.keys.generate(GenSymKeyRequest.of(31, 32, "aes256"),
                "genSymKey -t 31 -s 32 -l aes256", p -> { }, done));
        HsmResult<Void> deleted = await(done -> f.keys.delete(made.value().handle(), done));
        assertThat(deleted.isSuccess()).isTrue();

        assertThat(vm.transcriptProperty().get())
                .contains("Command: loginHSM -u CU -s example_user -p <password>")
                .doesNotContain("example_pwd")
                .contains("\nCommand: genSymKey -t 31 -s 32 -l aes256\n\n\tCfm3GenerateSymmetricKey returned: 0x00 : HSM"
                        + " Return: SUCCESS\n\n\tSymmetric Key Created.  Key Handle: 6\n")
                .contains("\nCommand: deleteKey -k 6\n\n\tCfm3DeleteKey returned: 0x00 : HSM Return: SUCCESS");
    }

    @Test
    void sharingIsACloudHsmMgmtUtilCommand() {
        f.login("example_user");
        HsmResult<GeneratedKey> made = await(done -> f.keys.generate(GenSymKeyRequest.of(31, 32, "k"), "genSymKey",
                p -> { }, done));
        HsmResult<Void> shared = await(done -> f.keys.setSharing(made.value().handle(), java.util.List.of(5), done));
        assertThat(shared.isSuccess()).isTrue();

        assertThat(vm.transcriptProperty().get()).contains("in cloudhsm_mgmt_util this is:\naws-cloudhsm>shareKey 6 5 1\n"
                + "*************************CAUTION")
                .contains("Do you want to continue(y/n)?y\nshareKey success on server 0(10.0.0.1)\n");
    }

    /** Issue 19 item 1: the pane's loginHSM shows no password, and the pane says whose session it has. */
    @Test
    void aLoginInThePaneHidesThePasswordAndShowsItsOwnSession() throws Exception {
        vm.start();
        waitFor(() -> vm.transcriptProperty().get().contains("Command: "));
        assertThat(vm.sessionStatusProperty().get()).contains("not logged in");
        assertThat(vm.statusBarTextProperty().get()).isEmpty();

        vm.inputProperty().set("loginHSM -u CU -s example_user -p example_pwd");
        vm.submit();
        waitFor(() -> vm.transcriptProperty().get().contains("Cfm3LoginHSM returned")
                && vm.statusBarTextProperty().get().contains("example_user"));

        assertThat(vm.transcriptProperty().get())
                .contains("loginHSM -u CU -s example_user -p <password>")
                .doesNotContain("example_pwd");
        assertThat(vm.history()).containsExactly("loginHSM -u CU -s example_user -p <password>");
        assertThat(vm.sessionStatusProperty().get()).contains("example_user").contains("CU");
        assertThat(vm.statusBarTextProperty().get()).isEqualTo("Console pane: example_user (CU)");
        assertThat(f.workspace.sessionInfo()).as("the window's own session is a separate one").isEmpty();

        vm.inputProperty().set("logoutHSM");
        vm.submit();
        waitFor(() -> vm.statusBarTextProperty().get().isEmpty());
        assertThat(vm.sessionStatusProperty().get()).contains("not logged in");
    }

    /** Issue 17: the pane runs either language; the CloudHSM CLI's keys are the same cluster's. */
    @Test
    void theSwitchRunsTheCloudHsmCliInThePaneAndBack() throws Exception {
        vm.start();
        waitFor(() -> vm.transcriptProperty().get().contains("Command: "));

        vm.languageProperty().set(ConsoleLanguage.CLOUDHSM_CLI);
        waitFor(() -> vm.transcriptProperty().get().contains("aws-cloudhsm > "));
        assertThat(vm.transcriptProperty().get()).contains("(key_mgmt_util ended; cloudhsm-cli runs on cluster demo)");
        assertThat(vm.commandPromptProperty().get()).contains("key generate-symmetric aes");
        assertThat(vm.sessionStatusProperty().get()).contains("cloudhsm-cli: not logged in");

        vm.inputProperty().set("login --username example_user --role crypto-user --password example_pwd");
        vm.submit();
        waitFor(() -> vm.statusBarTextProperty().get().contains("example_user"));
        assertThat(vm.sessionStatusProperty().get()).contains("cloudhsm-cli: logged in as example_user");
        vm.inputProperty().set("key generate-symmetric aes --label pane-aes --key-length-bytes 32");
        vm.submit();
        waitFor(() -> vm.transcriptProperty().get().contains("\"label\": \"pane-aes\""));

        String transcript = vm.transcriptProperty().get();
        assertThat(transcript).contains("aws-cloudhsm > login --username example_user --role crypto-user --password <password>")
                .contains("\"username\": \"example_user\"").doesNotContain("example_pwd");
        assertThat(vm.history()).first().isEqualTo("login --username example_user --role crypto-user --password <password>");
        try (io.hsmconsole.hsm.HsmSession owner = io.hsmconsole.hsm.TestClusters.login(f.cluster, "example_user")) {
            assertThat(owner.findKeys(io.hsmconsole.hsm.key.KeyQuery.byLabel("pane-aes")).value())
                    .as("the CLI's key is the cluster's").hasSize(1);
        }

        vm.languageProperty().set(ConsoleLanguage.KEY_MGMT_UTIL);
        waitFor(() -> vm.transcriptProperty().get().contains("(cloudhsm-cli ended; key_mgmt_util runs on cluster demo)"));
        waitFor(() -> vm.sessionStatusProperty().get().contains("key_mgmt_util: not logged in"));
        assertThat(vm.statusBarTextProperty().get()).as("the CLI's session ended with it").isEmpty();
    }

    /** The shell answers on its own thread: wait (generously, for a loaded machine) for what it prints. */
    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("the console's shell did not answer within 20 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void historyWalksBackAndForth() {
        vm.inputProperty().set("help");
        vm.submit();
        vm.inputProperty().set("listUsers");
        vm.submit();

        vm.historyUp();
        assertThat(vm.inputProperty().get()).isEqualTo("listUsers");
        vm.historyUp();
        assertThat(vm.inputProperty().get()).isEqualTo("help");
        vm.historyDown();
        assertThat(vm.inputProperty().get()).isEqualTo("listUsers");
        vm.historyDown();
        assertThat(vm.inputProperty().get()).isEmpty();
        assertThat(vm.history()).containsExactly("help", "listUsers");
    }

    @Test
    void theTranscriptKeepsItsTail() {
        vm.append("x".repeat(ConsoleViewModel.MAX_TRANSCRIPT + 10) + "END");

        assertThat(vm.transcriptProperty().get()).hasSize(ConsoleViewModel.MAX_TRANSCRIPT).endsWith("END");
    }
}
