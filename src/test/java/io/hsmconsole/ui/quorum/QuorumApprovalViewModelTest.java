package io.hsmconsole.ui.quorum;

import io.hsmconsole.controller.ControllerFixture;
import io.hsmconsole.controller.GeneratedKeys;
import io.hsmconsole.controller.QuorumController;
import io.hsmconsole.controller.QuorumPurpose;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.TimeText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;

import static io.hsmconsole.controller.ControllerFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The approval dialog's state over a real quorum key, without a toolkit. */
class QuorumApprovalViewModelTest {
    @TempDir
    Path dir;
    ControllerFixture f;
    QuorumController quorum;
    long key;

    @BeforeEach
    void setUp() {
        f = new ControllerFixture(dir);
        quorum = new QuorumController(f.workspace, f.runner, f.errors::add);
        f.login("example_user");
        key = GeneratedKeys.generate(f, GenSymKeyRequest.of(31, 32, "generic-mV2").withMValue(2).withShareWith(List.of(4, 6)));
    }

    @AfterEach
    void tearDown() {
        f.close();
        assertThat(f.errors).isEmpty();
    }

    private QuorumApprovalViewModel dialog(long handle) {
        QuorumApprovalViewModel vm = new QuorumApprovalViewModel(quorum, Messages.load(),
                new TimeText(ZoneOffset.UTC), new QuorumRequest(handle, QuorumPurpose.MANAGE, "share key " + handle,
                List.of("shareKey " + handle + " 5 1")));
        vm.start();
        return vm;
    }

    private ApproverRow row(QuorumApprovalViewModel vm, String name) {
        return vm.approvers().stream().filter(r -> r.user().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void listsTheEligibleApproversAndWhatIsNeeded() {
        QuorumApprovalViewModel vm = dialog(key);

        assertThat(vm.phaseProperty().get()).isEqualTo(QuorumApprovalViewModel.Phase.COLLECTING);
        assertThat(vm.headingProperty().get()).isEqualTo("Approvals needed to share key " + key);
        assertThat(vm.approvers()).extracting(ApproverRow::label).containsExactly(
                "example_user (3) \u2014 owner", "alice (4) \u2014 shared user", "carol (6) \u2014 shared user");
        assertThat(vm.progressProperty().get()).isEqualTo("0 of 2 approvals collected");
        assertThat(vm.explanationProperty().get()).startsWith("Key " + key + " needs 2 approvals (m_value 2)")
                .contains("expires at 2023-11-14 22:23:20");
    }

    @Test
    void eachApproverTypesTheirPasswordUntilTheHsmSaysComplete() {
        QuorumApprovalViewModel vm = dialog(key);
        char[] typed = "carol_pwd".toCharArray();

        vm.approve(row(vm, "carol"), typed);

        assertThat(typed).containsOnly('\0');
        assertThat(row(vm, "carol").statusProperty().get()).isEqualTo("approved \u2713");
        assertThat(vm.progressProperty().get()).isEqualTo("1 of 2 approvals collected");
        assertThat(vm.cleared()).isFalse();

        vm.approve(row(vm, "alice"), "alice_pwd".toCharArray());

        assertThat(vm.phaseProperty().get()).isEqualTo(QuorumApprovalViewModel.Phase.APPROVED);
        assertThat(vm.progressProperty().get()).isEqualTo("2 of 2 approvals collected: the action can run");
        assertThat(vm.cleared()).isTrue();
        HsmResult<Void> shared = await(done -> f.keys.setSharing(key, List.of(4, 6, 5), done));
        assertThat(shared.code()).isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void aWrongPasswordIsRefusedWithItsCodeAndChangesNothing() {
        QuorumApprovalViewModel vm = dialog(key);

        vm.approve(row(vm, "alice"), "bobs_pwd".toCharArray());

        assertThat(vm.noticeProperty().get().error()).isTrue();
        assertThat(vm.noticeProperty().get().text()).startsWith("The approval by alice was refused:");
        assertThat(vm.noticeProperty().get().codeLine()).contains("0xa3");
        assertThat(row(vm, "alice").approvedProperty().get()).isFalse();
        assertThat(vm.progressProperty().get()).isEqualTo("0 of 2 approvals collected");
    }

    @Test
    void cancelDropsTheTokenAndAKeyWithoutQuorumIsClearedAtOnce() {
        QuorumApprovalViewModel vm = dialog(key);
        vm.approve(row(vm, "carol"), "carol_pwd".toCharArray());
        vm.cancel();
        assertThat(vm.phaseProperty().get()).isEqualTo(QuorumApprovalViewModel.Phase.CANCELLED);
        assertThat(vm.cleared()).isFalse();
        HsmResult<Void> stillRefused = await(done -> f.keys.setSharing(key, List.of(4), done));
        assertThat(stillRefused.code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);

        long plain = GeneratedKeys.generate(f, GenSymKeyRequest.of(31, 16, "plain"));
        assertThat(dialog(plain).phaseProperty().get()).isEqualTo(QuorumApprovalViewModel.Phase.NOT_REQUIRED);
    }

    @Test
    void aCryptoOfficerCannotAskForATokenAndIsToldWhy() {
        f.login("officer1");
        QuorumApprovalViewModel vm = dialog(key);

        assertThat(vm.phaseProperty().get()).isEqualTo(QuorumApprovalViewModel.Phase.FAILED);
        assertThat(vm.noticeProperty().get().error()).isTrue();
        assertThat(vm.cleared()).isFalse();
    }
}
