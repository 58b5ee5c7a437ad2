package io.hsmconsole.hsm;

import io.hsmconsole.hsm.crypto.Kcv;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyInfo;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.hsm.key.KeySummary;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Ownership, sharing, visibility, attributes and session keys. */
class KeyAccessTest extends DemoClusterTest {
    HsmSession alice;
    HsmSession carol;

    @BeforeEach
    void open() {
        alice = TestClusters.login(cluster, "alice");
        carol = TestClusters.login(cluster, "carol");
    }

    private long key(GenSymKeyRequest r) {
        return owner.generateSymmetricKey(r).value().handle();
    }

    @Test
    void keyInfoShowsOwnerSharesQuorumAndCoverage() {
        long h = key(GenSymKeyRequest.of(21, 24, "3DES_shared").withId("IT-02").withShareWith(List.of(5, 4)));
        KeyInfo info = owner.keyInfo(h).value();
        assertThat(info.ownerId()).isEqualTo(3);
        assertThat(info.sharedWith()).containsExactly(4, 5);
        assertThat(info.nodesHolding()).containsExactly(0, 1, 2);
        assertThat(info.clusterSize()).isEqualTo(3);
        long q = key(GenSymKeyRequest.of(16, 256, "generic-mV2").withMValue(2).withShareWith(List.of(6)));
        assertThat(owner.keyInfo(q).value().mValue()).isEqualTo(2);
        assertThat(alice.keyInfo(h).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(carol.keyInfo(h).code()).isEqualTo(ReturnCode.INVALID_HANDLE);
        assertThat(owner.keyInfo(999_999).code()).isEqualTo(ReturnCode.INVALID_HANDLE);
    }

    @Test
    void onlyTheOwnerDeletes() {
        long h = key(GenSymKeyRequest.of(31, 16, "k").withShareWith(List.of(4)));
        HsmResult<Void> denied = alice.deleteKey(h);
        assertThat(denied.code()).isEqualTo(ReturnCode.KEY_ACCESS_DENIED);
        assertThat(denied.nodes()).extracting(NodeResult::code).containsOnly(ReturnCode.KEY_ACCESS_DENIED);
        assertThat(carol.deleteKey(h).code()).isEqualTo(ReturnCode.INVALID_HANDLE);
        HsmResult<Void> unknown = owner.deleteKey(252126);
        assertThat(unknown.code()).isEqualTo(ReturnCode.INVALID_HANDLE);
        assertThat(unknown.nodes()).extracting(NodeResult::code).containsOnly(ReturnCode.INVALID_HANDLE);
        assertThat(owner.deleteKey(h).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.keyInfo(h).code()).isEqualTo(ReturnCode.INVALID_HANDLE);
    }

    @Test
    void aKeyThatIsNotDestroyableStays() {
        long h = key(GenSymKeyRequest.of(31, 16, "k"));
        assertThat(owner.setAttribute(h, Attribute.DESTROYABLE, 0, null).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.deleteKey(h).code()).isEqualTo(ReturnCode.KEY_NOT_DESTROYABLE);
    }

    @Test
    void findKeyCriteria() {
        long a = key(GenSymKeyRequest.of(31, 32, "aes"));
        long b = key(GenSymKeyRequest.of(31, 16, "aes").withShareWith(List.of(4)));
        long d = key(GenSymKeyRequest.of(21, 24, "des").withId("IT-02").withShareWith(List.of(4, 5)));
        long s = key(GenSymKeyRequest.of(31, 24, "tmp").withSession(true));
        long foreign = alice.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "aes")).value().handle();
        assertThat(owner.findKeys(KeyQuery.all()).value()).containsExactly(a, b, d, s);
        assertThat(owner.findKeys(KeyQuery.byLabel("aes")).value()).containsExactly(a, b);
        assertThat(owner.findKeys(new KeyQuery(null, 21, null, null, null, null, null)).value()).containsExactly(d);
        assertThat(owner.findKeys(new KeyQuery(4, null, null, null, false, null, null)).value()).containsExactly(a, b, d);
        assertThat(owner.findKeys(new KeyQuery(null, null, null, null, true, null, null)).value()).containsExactly(s);
        assertThat(owner.findKeys(new KeyQuery(null, null, null, "IT-02", null, null, null)).value()).containsExactly(d);
        assertThat(owner.findKeys(new KeyQuery(null, null, null, null, null, List.of(4), null)).value()).containsExactly(b, d);
        assertThat(owner.findKeys(new KeyQuery(null, null, null, null, null, List.of(4, 5), null)).value()).containsExactly(d);
        byte[] kcv = Kcv.parse(owner.listKeys().value().stream().filter(k -> k.handle() == a).findFirst().orElseThrow().kcv());
        assertThat(owner.findKeys(new KeyQuery(null, null, null, null, null, null, kcv)).value()).containsExactly(a);
        assertThat(alice.findKeys(KeyQuery.byLabel("aes")).value()).containsExactly(b, foreign);
        assertThat(carol.findKeys(KeyQuery.all()).value()).isEmpty();
    }

    @Test
    void listKeysShowsWhatTheUserCanSee() {
        key(GenSymKeyRequest.of(31, 32, "mine"));
        key(GenSymKeyRequest.of(31, 32, "shared").withShareWith(List.of(4)));
        List<KeySummary> forAlice = alice.listKeys().value();
        assertThat(forAlice).extracting(KeySummary::label).containsExactly("shared");
        assertThat(forAlice.get(0).nodesHolding()).containsExactly(0, 1, 2);
        assertThat(forAlice.get(0).kcv()).matches("0x[0-9a-f]{6}");
    }

    @Test
    void sessionKeysLiveInTheirSessionOnOneNodeAndVanish() {
        HsmResult<io.hsmconsole.hsm.key.GeneratedKey> r = owner.generateSymmetricKey(
                GenSymKeyRequest.of(31, 24, "tmpAES").withId("wrap01").withNonExtractable(true).withSession(true));
        assertThat(r.nodes()).hasSize(1);
        long h = r.value().handle();
        assertThat(owner.keyInfo(h).value().token()).isFalse();
        HsmSession again = TestClusters.login(cluster, "example_user");
        assertThat(again.keyInfo(h).code()).isEqualTo(ReturnCode.INVALID_HANDLE);
        assertThat(cluster.info().tokenKeyCount()).isZero();
        owner.close();
        assertThat(owner.keyInfo(h).code()).isEqualTo(ReturnCode.NOT_LOGGED_IN);
        assertThat(again.findKeys(KeyQuery.all()).value()).isEmpty();
    }

    @Test
    void aSessionKeyBecomesATokenKeyWithTheSameHandle() {
        long h = key(GenSymKeyRequest.of(31, 16, "promote").withSession(true));
        assertThat(owner.setAttribute(h, Attribute.TOKEN, 1, null).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.keyInfo(h).value().token()).isTrue();
        assertThat(owner.keyInfo(h).value().nodesHolding()).containsExactly(0, 1, 2);
        owner.close();
        HsmSession again = TestClusters.login(cluster, "example_user");
        assertThat(again.keyInfo(h).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(again.setAttribute(h, Attribute.TOKEN, 0, null).code()).isEqualTo(ReturnCode.ATTRIBUTE_NOT_MODIFIABLE);
    }

    @Test
    void attributeChangesFollowTheRules() {
        long h = key(GenSymKeyRequest.of(16, 64, "hmac").withShareWith(List.of(4)));
        assertThat(owner.setAttribute(h, Attribute.SIGN, 1, null).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.setAttribute(h, Attribute.VERIFY, 1, null).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.attributes(h).value().get(Attribute.SIGN).orElseThrow().isTrue()).isTrue();
        assertThat(owner.setAttribute(h, Attribute.LABEL, 0, "renamed").code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.attributes(h).value().get(Attribute.LABEL).orElseThrow().text()).isEqualTo("renamed");
        assertThat(owner.setAttribute(h, Attribute.LABEL, 0, "has space").code()).isEqualTo(ReturnCode.INVALID_LABEL);
        assertThat(owner.setAttribute(h, Attribute.SIGN, 2, null).code()).isEqualTo(ReturnCode.ATTRIBUTE_VALUE_INVALID);
        for (Attribute fixed : List.of(Attribute.CLASS, Attribute.KEY_TYPE, Attribute.ID, Attribute.SENSITIVE,
                Attribute.EXTRACTABLE, Attribute.LOCAL, Attribute.VALUE_LEN, Attribute.KCV)) {
            assertThat(owner.setAttribute(h, fixed, 1, null).code()).as(fixed.name()).isEqualTo(ReturnCode.ATTRIBUTE_NOT_MODIFIABLE);
        }
        assertThat(alice.setAttribute(h, Attribute.SIGN, 0, null).code()).isEqualTo(ReturnCode.KEY_ACCESS_DENIED);
        assertThat(alice.whyNotModifiable(h, Attribute.SIGN)).contains(ReturnCode.KEY_ACCESS_DENIED);
        assertThat(owner.whyNotModifiable(h, Attribute.SIGN)).isEmpty();
        assertThat(owner.setAttribute(h, Attribute.TRUSTED, 1, null).code()).isEqualTo(ReturnCode.NOT_AUTHORIZED);
        HsmSession officer = cluster.login(LoginChannel.MGMT_UTIL, UserType.CO, "officer1", "officer1_pwd".toCharArray()).value();
        assertThat(officer.setAttribute(h, Attribute.TRUSTED, 1, null).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(officer.setAttribute(h, Attribute.SIGN, 0, null).code()).isEqualTo(ReturnCode.NOT_AUTHORIZED);
        assertThat(owner.attributes(h).value().get(Attribute.TRUSTED).orElseThrow().isTrue()).isTrue();
        assertThat(owner.setAttribute(h, Attribute.WRAP_WITH_TRUSTED, 1, null).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.setAttribute(h, Attribute.WRAP_WITH_TRUSTED, 0, null).code()).isEqualTo(ReturnCode.ATTRIBUTE_NOT_MODIFIABLE);
    }

    @Test
    void shareAndUnshareAreForTheOwnerOfATokenKey() {
        long h = key(GenSymKeyRequest.of(31, 16, "k"));
        assertThat(owner.shareKey(h, 4, true).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(alice.keyInfo(h).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(alice.shareKey(h, 6, true).code()).isEqualTo(ReturnCode.KEY_ACCESS_DENIED);
        assertThat(owner.shareKey(h, 3, true).code()).isEqualTo(ReturnCode.SHARE_WITH_OWNER);
        assertThat(owner.shareKey(h, 7, true).code()).isEqualTo(ReturnCode.SHARE_USER_INVALID);
        assertThat(owner.shareKey(h, 4, false).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(alice.keyInfo(h).code()).isEqualTo(ReturnCode.INVALID_HANDLE);
        long s = key(GenSymKeyRequest.of(31, 16, "s").withSession(true));
        assertThat(owner.shareKey(s, 4, true).code()).isEqualTo(ReturnCode.SESSION_KEY_NOT_SHAREABLE);
    }

    @Test
    void aQuorumKeyRefusesManageActionsWithoutApprovals() {
        long q = key(GenSymKeyRequest.of(16, 256, "generic-mV2").withMValue(2).withShareWith(List.of(6)));
        assertThat(owner.shareKey(q, 4, true).code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
        assertThat(owner.setAttribute(q, Attribute.SIGN, 1, null).code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
        assertThat(owner.transfers().exportKey(q, q).code()).isIn(ReturnCode.QUORUM_REQUIRED, ReturnCode.WRAPPING_KEY_INVALID);
    }
}
