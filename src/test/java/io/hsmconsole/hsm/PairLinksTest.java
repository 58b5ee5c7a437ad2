package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.AsymmetricKeyType;
import io.hsmconsole.hsm.key.EcCurve;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.KeySummary;
import io.hsmconsole.hsm.key.PairFacts;
import io.hsmconsole.model.KeyClass;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which keys are halves of one pair, as the console asks ({@code pairs().facts}), and the key list's
 * share of findKey's rule that every crypto user sees every public key.
 */
class PairLinksTest extends DemoClusterTest {
    private GeneratedPair pair(HsmSession s, KeyPairRequest r) {
        HsmResult<GeneratedPair> made = s.pairs().generateKeyPair(r, SyncObserver.NONE);
        assertThat(made.code()).isEqualTo(ReturnCode.SUCCESS);
        return made.value();
    }

    @Test
    void eachHalfNamesTheOtherAndCarriesThePairsPublicKey() {
        GeneratedPair rsa = pair(owner, KeyPairRequest.rsa(2048, BigInteger.valueOf(65537), KeyOptions.labelled("r")));
        GeneratedPair ec = pair(owner, KeyPairRequest.ec(14, KeyOptions.labelled("e")));

        PairFacts rsaPrivate = owner.pairs().facts(rsa.privateHandle()).value();
        PairFacts rsaPublic = owner.pairs().facts(rsa.publicHandle()).value();
        assertThat(rsaPrivate.otherHalves()).containsExactly(rsa.publicHandle());
        assertThat(rsaPublic.otherHalves()).containsExactly(rsa.privateHandle());
        assertThat(rsaPrivate.isPrivate()).isTrue();
        assertThat(rsaPublic.isPrivate()).isFalse();
        assertThat(rsaPrivate.type()).isEqualTo(AsymmetricKeyType.RSA);
        assertThat(rsaPrivate.modulusBits()).isEqualTo(2048);
        assertThat(rsaPrivate.publicKeyInfo()).isEqualTo(owner.pairs().exportPublicKey(rsa.publicHandle()).value());

        PairFacts ecPrivate = owner.pairs().facts(ec.privateHandle()).value();
        assertThat(ecPrivate.curve()).isEqualTo(EcCurve.SECP384R1);
        assertThat(ecPrivate.otherHalves()).containsExactly(ec.publicHandle());
    }

    @Test
    void theSamePublicKeyImportedAgainIsAnotherHalfAndStrangersAreNot() {
        GeneratedPair a = pair(owner, KeyPairRequest.ec(2, KeyOptions.labelled("a")));
        GeneratedPair b = pair(owner, KeyPairRequest.ec(2, KeyOptions.labelled("b")));
        byte[] der = owner.pairs().exportPublicKey(a.publicHandle()).value();
        long copy = owner.pairs().importPublicKey(der, KeyOptions.labelled("a-copy"), SyncObserver.NONE).value().handle();

        assertThat(owner.pairs().facts(a.privateHandle()).value().otherHalves()).containsExactly(a.publicHandle(), copy);
        assertThat(owner.pairs().facts(copy).value().otherHalves()).containsExactly(a.privateHandle());
        assertThat(owner.pairs().facts(b.privateHandle()).value().otherHalves()).containsExactly(b.publicHandle());
    }

    @Test
    void anotherUserSeesThePublicHalfButNotAnUnsharedPrivateOne() {
        GeneratedPair mine = pair(owner, KeyPairRequest.ec(2, KeyOptions.labelled("mine")));
        HsmSession alice = TestClusters.login(cluster, "alice");

        PairFacts seen = alice.pairs().facts(mine.publicHandle()).value();
        assertThat(seen.otherHalves()).isEmpty(); // the private key is example_user's and not shared
        assertThat(alice.pairs().facts(mine.privateHandle()).code()).isEqualTo(ReturnCode.INVALID_HANDLE);
    }

    @Test
    void aSecretKeyHasNoPairFacts() {
        long aes = owner.generateSymmetricKey(io.hsmconsole.hsm.key.GenSymKeyRequest.of(31, 32, "k")).value().handle();
        assertThat(owner.pairs().facts(aes).code()).isEqualTo(ReturnCode.KEY_CLASS_INVALID);
    }

    @Test
    void theKeyListShowsOtherUsersPublicKeysAsFindKeyFindsThem() {
        GeneratedPair mine = pair(owner, KeyPairRequest.ec(2, KeyOptions.labelled("mine")));
        HsmSession alice = TestClusters.login(cluster, "alice");

        List<KeySummary> listed = alice.listKeys().value();
        List<Long> found = alice.findKeys(new io.hsmconsole.hsm.key.KeyQuery(KeyClass.PUBLIC_KEY.code(), null, null,
                null, null, List.of(), null, null)).value();

        assertThat(listed).extracting(KeySummary::handle).contains(mine.publicHandle()).doesNotContain(mine.privateHandle());
        assertThat(found).contains(mine.publicHandle());
        KeySummary row = listed.stream().filter(k -> k.handle() == mine.publicHandle()).findFirst().orElseThrow();
        assertThat(row.ownerId()).isNotEqualTo(alice.user().id());
    }
}
