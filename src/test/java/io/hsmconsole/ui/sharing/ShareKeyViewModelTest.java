package io.hsmconsole.ui.sharing;

import io.hsmconsole.controller.ControllerFixture;
import io.hsmconsole.controller.QuorumController;
import io.hsmconsole.controller.QuorumPurpose;
import io.hsmconsole.controller.UserRef;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.RecordingDialogs;
import io.hsmconsole.ui.quorum.PasswordApprovals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Sharing an existing key through the picker, with and without quorum, against the real simulator. */
class ShareKeyViewModelTest {
    @TempDir
    Path dir;
    ControllerFixture f;
    final RecordingDialogs dialogs = new RecordingDialogs();
    PasswordApprovals approvals;
    boolean applied;

    @BeforeEach
    void setUp() {
        f = new ControllerFixture(dir);
        f.login("example_user");
        approvals = new PasswordApprovals(new QuorumController(f.workspace, f.runner, f.errors::add));
    }

    @AfterEach
    void tearDown() {
        f.close();
        assertThat(f.errors).isEmpty();
    }

    private ShareKeyViewModel dialog(long handle) {
        return new ShareKeyViewModel(f.details(handle), f.keys, Messages.load(), dialogs, approvals);
    }

    private static UserRef user(ShareKeyViewModel vm, String name) {
        return vm.sharing().candidates().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aKeyWithoutQuorumIsSharedAtOnce() {
        long key = f.generate(GenSymKeyRequest.of(31, 32, "plain"));
        ShareKeyViewModel vm = dialog(key);
        assertThat(vm.note()).doesNotContain("quorum");

        vm.sharing().setChecked(user(vm, "bob"), true);
        vm.apply(() -> applied = true);

        assertThat(applied).isTrue();
        assertThat(approvals.requests).isEmpty();
        assertThat(f.details(key).sharedWith()).extracting(UserRef::name).containsExactly("bob");
    }

    @Test
    void sharingIsManagingSoTheNoteNamesTheManageQuorumNotTheUseQuorum() {
        long useOnly = f.generate(GenSymKeyRequest.of(31, 32, "used").withShareWith(List.of(4)).withQuorum(2, 0));
        assertThat(dialog(useOnly).note()).doesNotContain("quorum");

        long manageOnly = f.generate(GenSymKeyRequest.of(31, 32, "managed").withShareWith(List.of(4)).withQuorum(0, 2));
        assertThat(dialog(manageOnly).note()).contains("This key has a manage quorum of 2: applying asks 2 of its owner");
    }

    @Test
    void aChangeOfTwoUsersOnAQuorumKeyIsApprovedOnceForBothShareKeyCommands() {
        long key = f.generate(GenSymKeyRequest.of(31, 32, "guarded").withMValue(2).withShareWith(List.of(4)));
        ShareKeyViewModel vm = dialog(key);
        assertThat(vm.note()).contains("This key has quorum (m_value 2)");
        vm.sharing().setChecked(user(vm, "bob"), true);
        vm.sharing().setChecked(user(vm, "alice"), false);
        approvals.approver("alice", "alice_pwd").approver("example_user", "example_pwd");

        vm.apply(() -> applied = true);

        assertThat(approvals.requests).singleElement().satisfies(r -> {
            assertThat(r.purpose()).isEqualTo(QuorumPurpose.MANAGE);
            assertThat(r.commands()).containsExactly("shareKey " + key + " 5 1", "shareKey " + key + " 4 0");
        });
        assertThat(approvals.dialogs.get(0).explanationProperty().get())
                .contains("This change is 2 HSM commands (shareKey " + key + " 5 1, shareKey " + key + " 4 0)")
                .contains("every approval given here approves all 2 tokens at once");
        assertThat(applied).isTrue();
        assertThat(dialogs.errors).isEmpty();
        assertThat(f.details(key).sharedWith()).extracting(UserRef::name).containsExactly("bob");
        assertThat(f.tokens()).as("both tokens were used up").isEmpty();
    }

    @Test
    void cancellingTheApprovalsChangesNothingAndLeavesNoToken() {
        long key = f.generate(GenSymKeyRequest.of(31, 32, "guarded").withMValue(2).withShareWith(List.of(4)));
        ShareKeyViewModel vm = dialog(key);
        vm.sharing().setChecked(user(vm, "bob"), true);
        approvals.approver("alice", "alice_pwd").cancelling();

        vm.apply(() -> applied = true);

        assertThat(applied).isFalse();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("Approvals cancelled: the sharing was not changed.");
        assertThat(f.details(key).sharedWith()).extracting(UserRef::name).containsExactly("alice");
        assertThat(f.tokens()).isEmpty();
    }

    @Test
    void aSharedUserIsRefusedByTheHsmBeforeAnyApproval() {
        long key = f.generate(GenSymKeyRequest.of(31, 32, "guarded").withMValue(2).withShareWith(List.of(4)));
        f.login("alice");
        ShareKeyViewModel vm = dialog(key);
        assertThat(vm.note()).startsWith("Only the owner, example_user (3), can share");
        vm.sharing().setChecked(user(vm, "bob"), true);

        vm.apply(() -> applied = true);

        assertThat(approvals.requests).as("the HSM refuses a non-owner before quorum").isEmpty();
        assertThat(dialogs.errors).singleElement().satisfies(e -> assertThat(e.codeLine()).contains("0xc6"));
    }
}
