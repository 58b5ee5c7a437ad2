package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.hsm.key.OaepHash;
import io.hsmconsole.hsm.key.Sdk5UnwrapTarget;
import io.hsmconsole.hsm.key.Sdk5WrapMechanism;
import io.hsmconsole.hsm.key.Sdk5WrapParameters;
import io.hsmconsole.hsm.key.Sdk5WrappedKey;
import io.hsmconsole.model.KeyClass;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client SDK 5's key wrap and unwrap at the simulator: the AES mechanisms that are key_mgmt_util's
 * give its bytes (RFC 3394 is deterministic), every mechanism unwraps to the same key, and the rules:
 * only the owner wraps, only extractable secret or private keys, wrap-with-trusted needs a trusted
 * wrapping key, GCM tag lengths, OAEP's MGF on the same hash; a refused unwrap makes no key.
 */
class Sdk5KeyWrapTest extends DemoClusterTest {
    long wrapping;
    long payload;

    @BeforeEach
    void open() {
        wrapping = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "wrapper")).value().handle();
        payload = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 24, "payload").withShareWith(List.of(4))).value().handle();
    }

    private long kcv(long handle) {
        return owner.attributes(handle).value().get(Attribute.KCV).orElseThrow().number();
    }

    private Sdk5WrappedKey wrap(Sdk5WrapMechanism m, Sdk5WrapParameters p) {
        return owner.transfers().wrapSdk5(payload, wrapping, m, p).value();
    }

    private HsmResult<io.hsmconsole.hsm.key.GeneratedKey> unwrap(byte[] data, Sdk5WrapMechanism m, Sdk5WrapParameters p,
                                                                 String label) {
        return owner.transfers().unwrapSdk5(data, wrapping, m, p, new Sdk5UnwrapTarget(KeyClass.SECRET_KEY,
                KeyType.AES.code(), Map.of(Attribute.ENCRYPT, true), KeyOptions.labelled(label)));
    }

    @Test
    void theAesMechanismsKeyMgmtUtilHasGiveItsBytes() {
        assertThat(wrap(Sdk5WrapMechanism.AES_NO_PAD, Sdk5WrapParameters.none()).data())
                .isEqualTo(owner.transfers().wrapKey(payload, wrapping, 5).value().ciphertext());
        assertThat(wrap(Sdk5WrapMechanism.AES_PKCS5_PAD, Sdk5WrapParameters.none()).data())
                .isEqualTo(owner.transfers().wrapKey(payload, wrapping, 4).value().ciphertext());
    }

    @Test
    void everyAesMechanismUnwrapsToTheSameKeyWithSdk5Attributes() {
        Sdk5WrapParameters gcm = Sdk5WrapParameters.gcm(96, new byte[]{1, 2}, null);
        for (Sdk5WrapMechanism m : List.of(Sdk5WrapMechanism.AES_NO_PAD, Sdk5WrapMechanism.AES_PKCS5_PAD,
                Sdk5WrapMechanism.AES_ZERO_PAD, Sdk5WrapMechanism.AES_GCM, Sdk5WrapMechanism.CLOUDHSM_AES_GCM)) {
            Sdk5WrapParameters p = m.gcm() ? gcm : Sdk5WrapParameters.none();
            Sdk5WrappedKey w = wrap(m, p);
            assertThat(w.iv() != null).as(m.name()).isEqualTo(m == Sdk5WrapMechanism.AES_GCM);
            Sdk5WrapParameters back = m == Sdk5WrapMechanism.AES_GCM ? Sdk5WrapParameters.gcm(96, new byte[]{1, 2}, w.iv()) : p;
            long copy = unwrap(w.data(), m, back, "copy-" + m).value().handle();
            assertThat(kcv(copy)).as(m.name()).isEqualTo(kcv(payload));
            var attributes = owner.attributes(copy).value();
            assertThat(attributes.get(Attribute.LOCAL).orElseThrow().number()).isZero();
            assertThat(attributes.get(Attribute.ENCRYPT).orElseThrow().number()).isEqualTo(1);
            assertThat(attributes.get(Attribute.SIGN).orElseThrow().number()).as("SDK 5's default").isEqualTo(1);
        }
    }

    @Test
    void theRulesOfWrapping() {
        HsmSession alice = TestClusters.login(cluster, "alice");
        assertThat(alice.transfers().wrapSdk5(payload, wrapping, Sdk5WrapMechanism.AES_NO_PAD, Sdk5WrapParameters.none())
                .code()).as("a shared user may use the key, not wrap it").isEqualTo(ReturnCode.KEY_ACCESS_DENIED);
        long nex = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "nex").withNonExtractable(true)).value().handle();
        assertThat(owner.transfers().wrapSdk5(nex, wrapping, Sdk5WrapMechanism.AES_NO_PAD, Sdk5WrapParameters.none()).code())
                .isEqualTo(ReturnCode.KEY_NOT_EXTRACTABLE);
        assertThat(owner.transfers().wrapSdk5(payload, wrapping, Sdk5WrapMechanism.AES_GCM,
                Sdk5WrapParameters.gcm(40, null, null)).code()).isEqualTo(ReturnCode.MECHANISM_PARAM_INVALID);
        owner.setAttribute(payload, Attribute.WRAP_WITH_TRUSTED, 1, null);
        assertThat(owner.transfers().wrapSdk5(payload, wrapping, Sdk5WrapMechanism.AES_NO_PAD, Sdk5WrapParameters.none())
                .code()).as("wrap-with-trusted, and the wrapping key is not trusted").isEqualTo(ReturnCode.WRAPPING_KEY_INVALID);
        owner.setAttribute(wrapping, Attribute.WRAP, 0, null);
        owner.setAttribute(payload, Attribute.WRAP_WITH_TRUSTED, 0, null);
        assertThat(owner.transfers().wrapSdk5(payload, wrapping, Sdk5WrapMechanism.AES_NO_PAD, Sdk5WrapParameters.none())
                .code()).isEqualTo(ReturnCode.WRAPPING_KEY_INVALID);
        assertThat(owner.transfers().wrapSdk5(payload, wrapping, Sdk5WrapMechanism.RSA_OAEP,
                Sdk5WrapParameters.oaep(OaepHash.SHA256, OaepHash.SHA1)).code())
                .as("an AES key is no RSA wrapping key").isEqualTo(ReturnCode.WRAPPING_KEY_INVALID);
    }

    @Test
    void aRefusedUnwrapMakesNoKey() {
        int before = owner.listKeys().value().size();
        byte[] data = wrap(Sdk5WrapMechanism.AES_PKCS5_PAD, Sdk5WrapParameters.none()).data();
        data[3] ^= 1;
        assertThat(unwrap(data, Sdk5WrapMechanism.AES_PKCS5_PAD, Sdk5WrapParameters.none(), "broken").code())
                .isEqualTo(ReturnCode.WRAPPED_DATA_INVALID);
        byte[] good = wrap(Sdk5WrapMechanism.AES_NO_PAD, Sdk5WrapParameters.none()).data();
        assertThat(owner.transfers().unwrapSdk5(good, wrapping, Sdk5WrapMechanism.AES_NO_PAD, Sdk5WrapParameters.none(),
                new Sdk5UnwrapTarget(KeyClass.PRIVATE_KEY, 0, Map.of(), KeyOptions.labelled("not-rsa"))).code())
                .as("24 key bytes are no PKCS #8 RSA key").isEqualTo(ReturnCode.KEY_MATERIAL_INVALID);
        assertThat(owner.listKeys().value()).hasSize(before);
    }
}
