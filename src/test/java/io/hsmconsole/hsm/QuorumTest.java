package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.quorum.QuorumService;
import io.hsmconsole.hsm.quorum.QuorumSignatures;
import io.hsmconsole.hsm.quorum.QuorumToken;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.model.UserType;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** m_value ≥ 2: every manage action and use needs a token with m verified approvals. */
class QuorumTest extends DemoClusterTest {
    long key;

    @BeforeEach
    void makeTheQuorumKey() {
        key = owner.generateSymmetricKey(GenSymKeyRequest.of(16, 256, "generic-mV2").withMValue(2)
                .withShareWith(List.of(6))).value().handle();
    }

    private QuorumToken approvedToken(QuorumService service) {
        int id = owner.quorumTokens().getToken(service, key).value().id();
        assertThat(owner.quorumTokens().approveTokenWithPassword(id, "example_user", "example_pwd".toCharArray()).code()).isEqualTo(ReturnCode.SUCCESS);
        HsmResult<QuorumToken> second = owner.quorumTokens().approveTokenWithPassword(id, "carol", "carol_pwd".toCharArray());
        assertThat(second.code()).isEqualTo(ReturnCode.SUCCESS);
        return second.value();
    }

    @Test
    void aManageActionRunsOnceWithTwoApprovals() {
        assertThat(owner.shareKey(key, 4, true).code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
        QuorumToken t = approvedToken(QuorumService.MANAGE_KEY);
        assertThat(t.isComplete()).isTrue();
        assertThat(t.approvers()).containsExactly("example_user", "carol");
        assertThat(owner.shareKey(key, 4, true).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.shareKey(key, 5, true).code()).as("a token serves one operation").isEqualTo(ReturnCode.QUORUM_REQUIRED);
        assertThat(owner.quorumTokens().listTokens()).isEmpty();
    }

    @Test
    void attributeChangesAndExportNeedTheirOwnService() {
        assertThat(owner.whyNotModifiable(key, Attribute.SIGN)).contains(ReturnCode.QUORUM_REQUIRED);
        approvedToken(QuorumService.USE_KEY);
        assertThat(owner.setAttribute(key, Attribute.SIGN, 1, null).code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
        approvedToken(QuorumService.MANAGE_KEY);
        assertThat(owner.whyNotModifiable(key, Attribute.SIGN)).isEmpty();
        assertThat(owner.setAttribute(key, Attribute.SIGN, 1, null).code()).isEqualTo(ReturnCode.SUCCESS);
        long wrap = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "w")).value().handle();
        assertThat(owner.transfers().exportKey(key, wrap).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.transfers().exportKey(key, wrap).code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
    }

    @Test
    void onlyTheOwnerAndSharedUsersApproveEachOnce() {
        int id = owner.quorumTokens().getToken(QuorumService.MANAGE_KEY, key).value().id();
        assertThat(owner.quorumTokens().approveTokenWithPassword(id, "alice", "alice_pwd".toCharArray()).code())
                .isEqualTo(ReturnCode.QUORUM_APPROVAL_INVALID);
        assertThat(cluster.users()).filteredOn(u -> u.name().equals("alice")).extracting(UserInfo::quorumKeyRegistered)
                .as("no quorum key is enrolled for a user who may not approve").containsExactly(false);
        assertThat(owner.quorumTokens().approveTokenWithPassword(id, "carol", "wrong_pwd".toCharArray()).code())
                .isEqualTo(ReturnCode.LOGIN_FAILURE);
        assertThat(owner.quorumTokens().approveTokenWithPassword(id, "carol", "carol_pwd".toCharArray()).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.quorumTokens().approveTokenWithPassword(id, "carol", "carol_pwd".toCharArray()).code())
                .isEqualTo(ReturnCode.QUORUM_APPROVAL_INVALID);
        assertThat(owner.shareKey(key, 4, true).code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
        assertThat(cluster.users()).filteredOn(u -> u.name().equals("carol")).extracting(UserInfo::quorumKeyRegistered)
                .containsExactly(true);
    }

    @Test
    void offlineSignaturesWithARegisteredKeyAreVerified() {
        AsymmetricCipherKeyPair carolsKey = QuorumSignatures.newKeyPair(new SecureRandom());
        HsmSession carol = TestClusters.login(cluster, "carol");
        byte[] registration = new byte[245];
        new SecureRandom().nextBytes(registration);
        byte[] pub = QuorumSignatures.publicDer(carolsKey);
        byte[] priv = QuorumSignatures.privateDer(carolsKey);
        assertThat(carol.users().registerQuorumKey(UserType.CU, "carol", registration, new byte[256], pub).code())
                .isEqualTo(ReturnCode.QUORUM_APPROVAL_INVALID);
        assertThat(owner.users().registerQuorumKey(UserType.CU, "carol", registration,
                QuorumSignatures.sign(priv, registration), pub).code()).isEqualTo(ReturnCode.NOT_AUTHORIZED);
        assertThat(carol.users().registerQuorumKey(UserType.CU, "carol", registration,
                QuorumSignatures.sign(priv, registration), pub).code()).isEqualTo(ReturnCode.SUCCESS);

        QuorumToken t = owner.quorumTokens().getToken(QuorumService.MANAGE_KEY, key).value();
        assertThat(owner.quorumTokens().approveTokenWithPassword(t.id(), "carol", "carol_pwd".toCharArray()).code())
                .as("the simulator holds no key for carol now").isEqualTo(ReturnCode.QUORUM_APPROVAL_INVALID);
        byte[] forged = QuorumSignatures.sign(QuorumSignatures.privateDer(QuorumSignatures.newKeyPair(new SecureRandom())), t.challenge());
        assertThat(owner.quorumTokens().approveToken(t.id(), "carol", forged).code()).isEqualTo(ReturnCode.QUORUM_APPROVAL_INVALID);
        assertThat(owner.quorumTokens().approveToken(t.id(), "carol", QuorumSignatures.sign(priv, t.challenge())).code())
                .isEqualTo(ReturnCode.SUCCESS);
        owner.quorumTokens().approveTokenWithPassword(t.id(), "example_user", "example_pwd".toCharArray());
        assertThat(owner.shareKey(key, 4, true).code()).isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void tokensExpireAfterTenMinutesAndDieWithTheSession() {
        QuorumToken t = approvedToken(QuorumService.MANAGE_KEY);
        clock.advance(10 * 60 * 1000);
        assertThat(owner.shareKey(key, 4, true).code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
        assertThat(owner.quorumTokens().approveTokenWithPassword(t.id(), "carol", "carol_pwd".toCharArray()).code())
                .isEqualTo(ReturnCode.QUORUM_TOKEN_INVALID);
        approvedToken(QuorumService.MANAGE_KEY);
        owner.close();
        HsmSession again = TestClusters.login(cluster, "example_user");
        assertThat(again.quorumTokens().listTokens()).isEmpty();
        assertThat(again.shareKey(key, 4, true).code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
    }

    @Test
    void keysWithoutQuorumNeedNoToken() {
        long plain = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "plain")).value().handle();
        assertThat(owner.quorumTokens().getToken(QuorumService.USE_KEY, plain).code()).isEqualTo(ReturnCode.QUORUM_NOT_REQUIRED);
        assertThat(owner.quorumTokens().deleteToken(42).code()).isEqualTo(ReturnCode.QUORUM_TOKEN_INVALID);
        HsmSession officer = cluster.login(LoginChannel.MGMT_UTIL, UserType.CO, "officer1", "officer1_pwd".toCharArray()).value();
        assertThat(officer.quorumTokens().getToken(QuorumService.USE_KEY, key).code()).isEqualTo(ReturnCode.NOT_AUTHORIZED);
    }

    @Test
    void theApproversAreTheOwnerAndTheSharedUsers() {
        assertThat(owner.quorumTokens().quorumApprovers(key).value()).extracting(UserInfo::name).containsExactly("example_user", "carol");
        assertThat(TestClusters.login(cluster, "bob").quorumTokens().quorumApprovers(key).code()).isEqualTo(ReturnCode.INVALID_HANDLE);
    }

    @Test
    void deletingATokenAnswersOnEveryNode() {
        int id = owner.quorumTokens().getToken(QuorumService.USE_KEY, key).value().id();
        HsmResult<Void> deleted = owner.quorumTokens().deleteToken(id);
        assertThat(deleted.code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(deleted.nodes()).hasSize(cluster.nodes().size());
        assertThat(owner.quorumTokens().listTokens()).isEmpty();
        assertThat(owner.quorumTokens().deleteToken(id).nodes()).extracting(NodeResult::code)
                .containsOnly(ReturnCode.QUORUM_TOKEN_INVALID);
    }
}
