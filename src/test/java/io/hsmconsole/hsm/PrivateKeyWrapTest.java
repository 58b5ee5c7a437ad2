package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.hsm.key.KeyTemplate;
import io.hsmconsole.hsm.key.SignMechanism;
import io.hsmconsole.hsm.key.WrapSpec;
import io.hsmconsole.hsm.key.WrappedKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * wrapKey and unWrapKey of private keys (key_mgmt_util-wrapKey.md: "a symmetric or private key"):
 * every AES mechanism and RSA_OAEP take a private key out as its PKCS#8 and bring it back as a private
 * key that signs what the original public key verifies; the rules say which wrapping key suits which
 * mechanism, and a refused unwrap creates nothing.
 */
class PrivateKeyWrapTest {
    private static final byte[] MESSAGE = "Pay 100 to carol".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AAD = "invoice 42".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;
    HsmCluster cluster;
    HsmSession owner;
    long aes;

    @BeforeEach
    void open() {
        cluster = TestClusters.demo(dir, new ManualClock(TestClusters.START));
        owner = TestClusters.login(cluster, "example_user");
        aes = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "kek")).value().handle();
    }

    @AfterEach
    void close() {
        cluster.close();
    }

    private GeneratedPair pair(KeyPairRequest request) {
        HsmResult<GeneratedPair> r = owner.pairs().generateKeyPair(request, SyncObserver.NONE);
        assertThat(r.code()).isEqualTo(ReturnCode.SUCCESS);
        return r.value();
    }

    private long unwrap(WrappedKey w, long unwrapping, WrapSpec spec, String label) {
        HsmResult<GeneratedKey> r = owner.transfers().unwrapKey(w.ciphertext(), unwrapping, spec, w.template(),
                KeyOptions.labelled(label), SyncObserver.NONE);
        assertThat(r.code()).as(label).isEqualTo(ReturnCode.SUCCESS);
        return r.value().handle();
    }

    private void signsForThePublicKey(long privateKey, long publicKey, SignMechanism mechanism) {
        byte[] sig = owner.crypto().sign(privateKey, mechanism, MESSAGE).value();
        assertThat(owner.crypto().verify(publicKey, mechanism, MESSAGE, sig).code()).isEqualTo(ReturnCode.SUCCESS);
    }

    private int keyCount() {
        return owner.findKeys(new KeyQuery(null, null, null, null, null, List.of(), null)).value().size();
    }

    @Test
    void everyAesMechanismWrapsAPrivateKeyThatUnwrapsAndSigns() {
        GeneratedPair rsa = pair(KeyPairRequest.rsa(2048, BigInteger.valueOf(65537), KeyOptions.labelled("rsa")));
        for (WrapSpec spec : List.of(WrapSpec.of(4), WrapSpec.of(6), WrapSpec.gcm(10, AAD, null, 16),
                WrapSpec.gcm(11, null, null, 12))) {
            HsmResult<WrappedKey> w = owner.transfers().wrapKey(rsa.privateHandle(), aes, spec);
            assertThat(w.code()).as("-m %d", spec.mechanismCode()).isEqualTo(ReturnCode.SUCCESS);
            assertThat(w.value().template().keyClass()).isEqualTo(3);
            assertThat(w.value().iv()).as("only AES_GCM hands its IV apart")
                    .matches(iv -> spec.mechanismCode() == 10 ? iv.length == 12 : iv == null);
            WrapSpec back = spec.mechanismCode() == 10
                    ? WrapSpec.gcm(10, AAD, w.value().iv(), 16) : spec;
            long copy = unwrap(w.value(), aes, back, "copy" + spec.mechanismCode());
            assertThat(owner.attributes(copy).value().get(Attribute.LOCAL).orElseThrow().number()).isZero();
            assertThat(owner.attributes(copy).value().get(Attribute.CLASS).orElseThrow().number()).isEqualTo(3);
            signsForThePublicKey(copy, rsa.publicHandle(), SignMechanism.SHA256_RSA_PKCS);
        }
    }

    @Test
    void rsaOaepWrapsWithThePublicKeyAndUnwrapsWithThePrivateKey() {
        GeneratedPair kek = pair(KeyPairRequest.rsa(3072, BigInteger.valueOf(65537), KeyOptions.labelled("rsa-kek")));
        GeneratedPair ec = pair(KeyPairRequest.ec(2, KeyOptions.labelled("ec")));
        WrapSpec oaep = WrapSpec.rsaOaep(3);
        assertThat(owner.transfers().wrapKey(ec.privateHandle(), kek.publicHandle(), oaep).code())
                .as("genRSAKeyPair's public key has OBJ_ATTR_WRAP 0").isEqualTo(ReturnCode.WRAPPING_KEY_INVALID);
        assertThat(owner.setAttribute(kek.publicHandle(), Attribute.WRAP, 1, null).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.setAttribute(kek.privateHandle(), Attribute.UNWRAP, 1, null).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.transfers().wrapKey(ec.privateHandle(), kek.privateHandle(), oaep).code())
                .as("wrap with one half, unwrap with the other").isEqualTo(ReturnCode.WRAPPING_KEY_INVALID);
        assertThat(owner.transfers().wrapKey(ec.privateHandle(), kek.publicHandle(), WrapSpec.of(8)).code())
                .as("RSA_OAEP needs its hash").isEqualTo(ReturnCode.WRAP_MECHANISM_UNSUPPORTED);

        WrappedKey w = owner.transfers().wrapKey(ec.privateHandle(), kek.publicHandle(), oaep).value();
        assertThat(owner.transfers().unwrapKey(w.ciphertext(), kek.publicHandle(), oaep, w.template(),
                KeyOptions.labelled("x"), SyncObserver.NONE).code()).isEqualTo(ReturnCode.WRAPPING_KEY_INVALID);
        long copy = unwrap(w, kek.privateHandle(), oaep, "ec-copy");
        signsForThePublicKey(copy, ec.publicHandle(), SignMechanism.fromCode(16).orElseThrow());

        GeneratedPair big = pair(KeyPairRequest.rsa(2048, BigInteger.valueOf(65537), KeyOptions.labelled("big")));
        assertThat(owner.transfers().wrapKey(big.privateHandle(), kek.publicHandle(), oaep).code())
                .as("a 2048-bit RSA private key is longer than 384 - 2 * 32 - 2 bytes")
                .isEqualTo(ReturnCode.RSA_DATA_LEN_INVALID);
    }

    @Test
    void aPublicKeyIsNotWrappedAndARefusedUnwrapCreatesNothing() {
        GeneratedPair ec = pair(KeyPairRequest.ec(14, KeyOptions.labelled("ec")));
        assertThat(owner.transfers().wrapKey(ec.publicHandle(), aes, WrapSpec.of(6)).code())
                .as("exportPubKey is the public key's way out").isEqualTo(ReturnCode.KEY_CLASS_INVALID);
        WrappedKey w = owner.transfers().wrapKey(ec.privateHandle(), aes, WrapSpec.gcm(11, AAD, null, 16)).value();
        int before = keyCount();
        List<WrapSpec> wrong = List.of(WrapSpec.gcm(11, "other".getBytes(StandardCharsets.US_ASCII), null, 16),
                WrapSpec.gcm(11, AAD, null, 15), WrapSpec.gcm(10, AAD, new byte[12], 16));
        for (WrapSpec spec : wrong) {
            assertThat(owner.transfers().unwrapKey(w.ciphertext(), aes, spec, w.template(), KeyOptions.labelled("x"),
                    SyncObserver.NONE).code()).isEqualTo(ReturnCode.WRAPPED_DATA_INVALID);
        }
        assertThat(owner.transfers().unwrapKey(w.ciphertext(), aes, WrapSpec.gcm(11, AAD, null, 17), w.template(),
                KeyOptions.labelled("x"), SyncObserver.NONE).code()).isEqualTo(ReturnCode.MECHANISM_PARAM_INVALID);
        assertThat(owner.transfers().unwrapKey(w.ciphertext(), aes, WrapSpec.gcm(11, AAD, null, 16), new KeyTemplate(3, 0),
                KeyOptions.labelled("x"), SyncObserver.NONE).code()).as("an EC key is not -kt 0 (RSA)")
                .isEqualTo(ReturnCode.KEY_MATERIAL_INVALID);
        assertThat(owner.transfers().unwrapKey(w.ciphertext(), aes, WrapSpec.gcm(11, AAD, null, 16), new KeyTemplate(2, 3),
                KeyOptions.labelled("x"), SyncObserver.NONE).code()).as("-kc 2").isEqualTo(ReturnCode.KEY_CLASS_INVALID);
        assertThat(keyCount()).isEqualTo(before);
    }
}
