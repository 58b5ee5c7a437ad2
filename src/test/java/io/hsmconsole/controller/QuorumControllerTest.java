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
        HsmResult<QuorumApproval> twice = approve(once.value(), "carol", "carol_pwd");
        assertThat(twice.value().approvals()).as("carol counts once; her token is not approved again").isEqualTo(1);
        assertThat(f.tokens()).singleElement().satisfies(t -> assertThat(t.approvers()).containsExactly("carol"));
    }

    @Test
    void aKeyWithoutQuorumNeedsNoTokenAndACancelledTokenIsGone() {
        long plain = GeneratedKeys.generate(f, GenSymKeyRequest.of(31, 16, "plain"));
        HsmResult<QuorumApproval> none = await(done -> quorum.request(plain, QuorumPurpose.MANAGE, done));
        assertThat(none.code()).isEqualTo(ReturnCode.QUORUM_NOT_REQUIRED);

        QuorumApproval state = request(QuorumPurpose.USE);
        Integer dropped = await(done -> quorum.release(state, done));
        assertThat(dropped).isEqualTo(1);
        assertThat(f.workspace.requireSession().quorumTokens().listTokens()).isEmpty();
        assertThat(approve(state, "carol", "carol_pwd").code()).isEqualTo(ReturnCode.QUORUM_TOKEN_INVALID);
    }

    @Test
    void severalOperationsGetOneTokenEachAndOnePasswordApprovesThemAll() {
        HsmResult<QuorumApproval> asked = await(done -> quorum.request(key, QuorumPurpose.MANAGE, 2, done));
        QuorumApproval state = asked.value();
        assertThat(state.operations()).isEqualTo(2);
        assertThat(f.workspace.requireSession().quorumTokens().listTokens()).hasSize(2);

        assertThat(approve(state, "carol", "not_carols").code()).isEqualTo(ReturnCode.LOGIN_FAILURE);
        assertThat(f.workspace.requireSession().quorumTokens().listTokens()).allSatisfy(t -> assertThat(t.approvers()).isEmpty());
        assertThat(f.cluster.users().stream().filter(u -> u.name().equals("carol")).findFirst().orElseThrow()
                .loginFailures()).as("a wrong password counts once, not once per token").isEqualTo(1);

        QuorumApproval approved = approve(approve(state, "carol", "carol_pwd").value(), "example_user", "example_pwd")
                .value();
        assertThat(approved.isComplete()).isTrue();
        assertThat(f.workspace.requireSession().quorumTokens().listTokens()).allSatisfy(t -> assertThat(t.approvers())
                .containsExactly("carol", "example_user"));

        // Two shareKey commands: each uses one token, and a third would need approvals again.
        HsmResult<Void> shared = await(done -> f.keys.setSharing(key, List.of(4, 5, 6), done));
        assertThat(shared.code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(f.workspace.requireSession().quorumTokens().listTokens()).isEmpty();
        assertThat(await((java.util.function.Consumer<java.util.function.Consumer<HsmResult<Void>>>) done ->
                f.keys.setSharing(key, List.of(4, 5), done)).code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
    }

    @Test
    void releaseDropsOnlyTheTokensLeftOver() {
        QuorumApproval state = await((java.util.function.Consumer<java.util.function.Consumer<HsmResult<QuorumApproval>>>)
                done -> quorum.request(key, QuorumPurpose.MANAGE, 2, done)).value();
        approve(approve(state, "carol", "carol_pwd").value(), "example_user", "example_pwd");
        HsmResult<Void> one = await(done -> f.keys.setSharing(key, List.of(4, 6), done));
        assertThat(one.isSuccess()).isTrue();

        Integer dropped = await(done -> quorum.release(state, done));

        assertThat(dropped).isEqualTo(1);
        assertThat(f.workspace.requireSession().quorumTokens().listTokens()).isEmpty();
    }

    @Test
    void thePasswordArrayIsWipedAtOnce() {
        QuorumApproval state = request(QuorumPurpose.MANAGE);
        char[] password = "carol_pwd".toCharArray();

        quorum.approve(state, "carol", password, r -> { });

        assertThat(password).containsOnly('\0');
    }
}
