package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.hsmconsole.controller.ControllerFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

class QuorumControllerTest {
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
        key = GeneratedKeys.generate(f, GenSymKeyRequest.of(31, 32, "quorum_key").withMValue(2).withShareWith(List.of(6)));
    }

    @AfterEach
    void tearDown() {
        f.close();
        assertThat(f.errors).isEmpty();
    }

    private QuorumApproval request(QuorumPurpose purpose) {
        HsmResult<QuorumApproval> r = await(done -> quorum.request(key, purpose, done));
        assertThat(r.code()).isEqualTo(ReturnCode.SUCCESS);
        return r.value();
    }

    private HsmResult<QuorumApproval> approve(QuorumApproval state, String user, String password) {
        return await(done -> quorum.approve(state, user, password.toCharArray(), done));
    }

    @Test
    void theTokenListsTheOwnerAndTheSharedUsersAsApprovers() {
        QuorumApproval state = request(QuorumPurpose.MANAGE);

        assertThat(state.required()).isEqualTo(2);
        assertThat(state.approvals()).isZero();
        assertThat(state.approvers()).extracting(a -> a.user().name()).containsExactly("example_user", "carol");
        assertThat(state.approvers().get(0).owner()).isTrue();
        assertThat(state.expiresAtMillis()).isEqualTo(f.clock.nowMillis() + 10 * 60 * 1000);
    }

    @Test
    void twoPasswordApprovalsLetOneShareThrough() {
        HsmResult<Void> refused = await(done -> f.keys.setSharing(key, List.of(6, 4), done));
        assertThat(refused.code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
        QuorumApproval state = request(QuorumPurpose.MANAGE);

        HsmResult<QuorumApproval> first = approve(state, "example_user", "example_pwd");
        assertThat(first.value().approvals()).isEqualTo(1);
        assertThat(first.value().isComplete()).isFalse();
        HsmResult<QuorumApproval> second = approve(first.value(), "carol", "carol_pwd");
        assertThat(second.value().isComplete()).isTrue();
        assertThat(second.value().approvers()).allMatch(QuorumApproval.Approver::approved);

        HsmResult<Void> shared = await(done -> f.keys.setSharing(key, List.of(6, 4), done));
        assertThat(shared.code()).isEqualTo(ReturnCode.SUCCESS);
        HsmResult<Void> again = await(done -> f.keys.setSharing(key, List.of(6), done));
        assertThat(again.code()).as("a token serves one action").isEqualTo(ReturnCode.QUORUM_REQUIRED);
    }

    @Test
    void wrongPasswordsAndIneligibleUsersAreRefusedByTheHsm() {
        QuorumApproval state = request(QuorumPurpose.MANAGE);

        assertThat(approve(state, "carol", "not_carols").code()).isEqualTo(ReturnCode.LOGIN_FAILURE);
        assertThat(approve(state, "alice", "alice_pwd").code()).isEqualTo(ReturnCode.QUORUM_APPROVAL_INVALID);
        HsmResult<QuorumApproval> once = approve(state, "carol", "carol_pwd");
        assertThat(approve(once.value(), "carol", "carol_pwd").code()).isEqualTo(ReturnCode.QUORUM_APPROVAL_INVALID);
    }

    @Test
    void aKeyWithoutQuorumNeedsNoTokenAndACancelledTokenIsGone() {
        long plain = GeneratedKeys.generate(f, GenSymKeyRequest.of(31, 16, "plain"));
        HsmResult<QuorumApproval> none = await(done -> quorum.request(plain, QuorumPurpose.MANAGE, done));
        assertThat(none.code()).isEqualTo(ReturnCode.QUORUM_NOT_REQUIRED);

        QuorumApproval state = request(QuorumPurpose.USE);
        HsmResult<Void> dropped = await(done -> quorum.cancel(state.tokenId(), done));
        assertThat(dropped.isSuccess()).isTrue();
        assertThat(f.workspace.requireSession().listTokens()).isEmpty();
        assertThat(approve(state, "carol", "carol_pwd").code()).isEqualTo(ReturnCode.QUORUM_TOKEN_INVALID);
    }

    @Test
    void thePasswordArrayIsWipedAtOnce() {
        QuorumApproval state = request(QuorumPurpose.MANAGE);
        char[] password = "carol_pwd".toCharArray();

        quorum.approve(state, "carol", password, r -> { });

        assertThat(password).containsOnly('\0');
    }
}
