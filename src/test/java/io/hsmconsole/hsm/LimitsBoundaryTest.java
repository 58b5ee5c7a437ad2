package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.quorum.QuorumService;
import io.hsmconsole.hsm.quorum.QuorumSignatures;
import io.hsmconsole.hsm.quorum.QuorumToken;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every numeric limit of the simulator tested on both sides of its boundary, where it is enforced
 * (the simulator, not a shell or form in front of it). The limits are written here as literal numbers
 * from the AWS reference, never read from the constants: changing a limit in the core must make a test
 * here fail. Shells and forms read the same constants, so they cannot hide such a change any more.
 */
class LimitsBoundaryTest extends DemoClusterTest {
    HsmSession officer;

    @BeforeEach
    void open() {
        officer = cluster.login(LoginChannel.MGMT_UTIL, UserType.CO, "officer1", "officer1_pwd".toCharArray()).value();
    }

    private ReturnCode gen(GenSymKeyRequest r) {
        return owner.generateSymmetricKey(r).code();
    }

    /** Crypto users beyond the seed's alice (4), bob (5) and carol (6), so a key can have 8 or more approvers. */
    private List<Integer> sharedWith(int users) {
        List<Integer> ids = new ArrayList<>(List.of(4, 5, 6));
        for (int i = ids.size(); i < users; i++) {
            String name = "approver" + i;
            ids.add(officer.users().createUser(UserType.CU, name, (name + "_pwd").toCharArray()).value().id());
        }
        return ids.subList(0, users);
    }

    @Test
    void mValueIsAtMostEightEvenWhenNineUsersCouldApprove() {
        List<Integer> eightOthers = sharedWith(8); // owner + 8 = 9 possible approvers: only the cap says no
        GenSymKeyRequest request = GenSymKeyRequest.of(31, 16, "quorum8").withShareWith(eightOthers);
        assertThat(gen(request.withMValue(8))).isEqualTo(ReturnCode.SUCCESS);
        assertThat(gen(request.withMValue(9))).isEqualTo(ReturnCode.M_VALUE_INVALID);
        assertThat(owner.checkGenSymKey(request.withMValue(9))).containsExactly(ReturnCode.M_VALUE_INVALID);
        assertThat(owner.checkGenSymKey(request.withMValue(8))).isEmpty();
    }

    @Test
    void mValueIsAtMostOnePlusTheDistinctSharedUsers() {
        GenSymKeyRequest twoShared = GenSymKeyRequest.of(31, 16, "k").withShareWith(List.of(4, 5, 5));
        assertThat(gen(twoShared.withMValue(3))).isEqualTo(ReturnCode.SUCCESS);
        assertThat(gen(twoShared.withMValue(4))).isEqualTo(ReturnCode.M_VALUE_INVALID);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withMValue(0))).isEqualTo(ReturnCode.SUCCESS);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withMValue(-1))).isEqualTo(ReturnCode.M_VALUE_INVALID);
    }

    @Test
    void quorumStartsAtMValueTwo() {
        long one = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "m1").withMValue(1)).value().handle();
        long two = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "m2").withMValue(2)
                .withShareWith(List.of(4))).value().handle();
        assertThat(owner.quorumTokens().getToken(QuorumService.MANAGE_KEY, one).code()).isEqualTo(ReturnCode.QUORUM_NOT_REQUIRED);
        assertThat(owner.setAttribute(one, Attribute.LABEL, 0, "renamed").code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.quorumTokens().getToken(QuorumService.MANAGE_KEY, two).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.setAttribute(two, Attribute.LABEL, 0, "renamed").code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
    }

    @Test
    void labelsAndIdsHoldUpTo127Characters() {
        assertThat(gen(GenSymKeyRequest.of(31, 16, "l".repeat(127)))).isEqualTo(ReturnCode.SUCCESS);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "l".repeat(128)))).isEqualTo(ReturnCode.INVALID_LABEL);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withId("i".repeat(127)))).isEqualTo(ReturnCode.SUCCESS);
        assertThat(gen(GenSymKeyRequest.of(31, 16, "k").withId("j".repeat(128)))).isEqualTo(ReturnCode.INVALID_KEY_ID);
        long key = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "k")).value().handle();
        assertThat(owner.setAttribute(key, Attribute.LABEL, 0, "m".repeat(127)).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.setAttribute(key, Attribute.LABEL, 0, "m".repeat(128)).code())
                .isEqualTo(ReturnCode.INVALID_LABEL);
    }

    @Test
    void userNamesHoldUpTo31CharactersAndPasswords7To32() {
        assertThat(create("n".repeat(31), "seven_7")).isEqualTo(ReturnCode.SUCCESS);
        assertThat(create("o".repeat(32), "seven_7")).isEqualTo(ReturnCode.INVALID_USER_NAME);
        assertThat(create("six", "six_66")).isEqualTo(ReturnCode.INVALID_PASSWORD);
        assertThat(create("thirty_two", "p".repeat(32))).isEqualTo(ReturnCode.SUCCESS);
        assertThat(create("thirty_three", "p".repeat(33))).isEqualTo(ReturnCode.INVALID_PASSWORD);
        assertThat(officer.users().changePassword(UserType.CU, "bob", "six_66".toCharArray()).code())
                .isEqualTo(ReturnCode.INVALID_PASSWORD);
        assertThat(officer.users().changePassword(UserType.CU, "bob", "seven_7".toCharArray()).code())
                .isEqualTo(ReturnCode.SUCCESS);
        assertThat(officer.users().changePassword(UserType.CU, "bob", "q".repeat(33).toCharArray()).code())
                .isEqualTo(ReturnCode.INVALID_PASSWORD);
    }

    private ReturnCode create(String name, String password) {
        return officer.users().createUser(UserType.CU, name, password.toCharArray()).code();
    }

    @Test
    void theFifthFailedLoginLocksNotTheFourth() {
        for (int i = 0; i < 4; i++) {
            cluster.login(LoginChannel.KEY_MGMT_UTIL, UserType.CU, "bob", "bad_password".toCharArray());
        }
        assertThat(cluster.users().stream().filter(u -> u.name().equals("bob")).findFirst().orElseThrow().locked())
                .isFalse();
        cluster.login(LoginChannel.KEY_MGMT_UTIL, UserType.CU, "bob", "bad_password".toCharArray());
        assertThat(cluster.login(LoginChannel.KEY_MGMT_UTIL, UserType.CU, "bob", "bob_pwd".toCharArray()).code())
                .isEqualTo(ReturnCode.ACCOUNT_LOCKED);
    }

    @Test
    void quorumTokensLiveTenMinutes() {
        long key = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "q").withMValue(2)
                .withShareWith(List.of(6))).value().handle();
        QuorumToken first = owner.quorumTokens().getToken(QuorumService.MANAGE_KEY, key).value();
        clock.advance(10 * 60 * 1000 - 1);
        assertThat(owner.quorumTokens().approveTokenWithPassword(first.id(), "carol", "carol_pwd".toCharArray()).code())
                .isEqualTo(ReturnCode.SUCCESS);
        QuorumToken second = owner.quorumTokens().getToken(QuorumService.MANAGE_KEY, key).value();
        clock.advance(10 * 60 * 1000);
        assertThat(owner.quorumTokens().approveTokenWithPassword(second.id(), "carol", "carol_pwd".toCharArray()).code())
                .isEqualTo(ReturnCode.QUORUM_TOKEN_INVALID);
    }

    @Test
    void registrationTokensHoldUpTo245Bytes() {
        AsymmetricCipherKeyPair pair = QuorumSignatures.newKeyPair(new SecureRandom());
        byte[] pub = QuorumSignatures.publicDer(pair);
        byte[] priv = QuorumSignatures.privateDer(pair);
        HsmSession carol = TestClusters.login(cluster, "carol");
        byte[] tooLong = new byte[246];
        assertThat(carol.users().registerQuorumKey(UserType.CU, "carol", tooLong, QuorumSignatures.sign(priv, tooLong),
                pub).code()).isEqualTo(ReturnCode.QUORUM_APPROVAL_INVALID);
        byte[] longest = new byte[245];
        assertThat(carol.users().registerQuorumKey(UserType.CU, "carol", longest, QuorumSignatures.sign(priv, longest),
                pub).code()).isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void minSrvRunsFromOneToTheNodeCount() {
        GenSymKeyRequest request = GenSymKeyRequest.of(31, 16, "k").withTimeoutSeconds(0);
        assertThat(gen(request.withMinServers(0))).isEqualTo(ReturnCode.MIN_SRV_INVALID);
        assertThat(gen(request.withMinServers(1))).isEqualTo(ReturnCode.SUCCESS);
        assertThat(gen(request.withMinServers(4))).isEqualTo(ReturnCode.MIN_SRV_INVALID);
        assertThat(gen(request.withMinServers(-1).withTimeoutSeconds(null))).isEqualTo(ReturnCode.MIN_SRV_INVALID);
    }

    @Test
    void theReturnCodeTextsStateTheLimitsEnforced() {
        assertThat(ReturnCode.M_VALUE_INVALID.text()).contains("0 to 8");
        assertThat(ReturnCode.INVALID_LABEL.text()).contains("1 to 127 characters");
        assertThat(ReturnCode.INVALID_KEY_ID.text()).contains("at most 127 characters");
        assertThat(ReturnCode.INVALID_USER_NAME.text()).contains("1 to 31 characters");
        assertThat(ReturnCode.INVALID_PASSWORD.text()).contains("7 to 32 characters");
        assertThat(ReturnCode.QUORUM_NOT_REQUIRED.text()).contains("m_value below 2");
        assertThat(ReturnCode.QUORUM_TOKEN_INVALID.text()).contains("tokens last 10 minutes");
    }
}
