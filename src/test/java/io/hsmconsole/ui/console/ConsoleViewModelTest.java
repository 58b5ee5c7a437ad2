package io.hsmconsole.ui.console;

import io.hsmconsole.controller.ConsoleController;
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

    @BeforeEach
    void setUp() {
        f = new ControllerFixture(dir);
        vm = new ConsoleViewModel(new ConsoleController(f.workspace, f.runner, dir), f.workspace, Messages.load());
    }

    @AfterEach
    void tearDown() {
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
                .contains("Do you want to continue(y/n)? y\nshareKey success on server 0(10.0.0.1)\n");
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
