package io.hsmconsole.hsm;

import io.hsmconsole.hsm.crypto.AesGcm;
import io.hsmconsole.hsm.crypto.AesKeyWrap;
import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.KeyFlags;
import io.hsmconsole.hsm.key.OaepHash;
import io.hsmconsole.hsm.key.RsaEncryption;
import io.hsmconsole.hsm.key.WrapMechanism;
import io.hsmconsole.hsm.key.WrapSpec;
import io.hsmconsole.model.KeyAlgorithm;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.store.KeyRecord;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.params.RSAKeyParameters;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Which wrapping key suits which mechanism (key_mgmt_util-wrapKey.md: "an AES key or RSA key on the
 * HSM ... If you are using an RSA key pair, be sure to wrap the key with one of the keys, and unwrap
 * it with the other"), and the wrapping itself: the AES key wraps (4, 5, 6) and AES-GCM (10, 11)
 * under an AES key, RSA_OAEP (8) under an RSA public key and back with its private key. The wrapping
 * key needs OBJ_ATTR_WRAP to wrap and OBJ_ATTR_UNWRAP to unwrap.
 */
final class WrapCipher {
    /** What a wrap gives: the ciphertext, and the IV the HSM chose (AES_GCM only, else null). */
    record Output(byte[] ciphertext, byte[] iv) {
    }

    private WrapCipher() {
    }

    /** Why this key cannot wrap (use = WRAP) or unwrap (use = UNWRAP) with this spec, if it cannot. */
    static Optional<ReturnCode> whyNot(KeyRecord w, WrapSpec spec, Attribute use) {
        Optional<WrapMechanism> m = WrapMechanism.fromCode(spec.mechanismCode());
        if (m.isEmpty()) {
            return Optional.of(ReturnCode.WRAP_MECHANISM_UNSUPPORTED);
        }
        if (m.get() == WrapMechanism.RSA_OAEP) {
            KeyClass expected = use == Attribute.WRAP ? KeyClass.PUBLIC_KEY : KeyClass.PRIVATE_KEY;
            if (w.keyClass() != expected || w.keyType() != KeyAlgorithm.RSA || !KeyFlags.has(w.flags(), use)) {
                return Optional.of(ReturnCode.WRAPPING_KEY_INVALID);
            }
            return spec.oaepHash() == null || OaepHash.fromCode(spec.oaepHash()).isEmpty()
                    ? Optional.of(ReturnCode.WRAP_MECHANISM_UNSUPPORTED) : Optional.empty();
        }
        if (w.keyType() != KeyAlgorithm.AES || !KeyFlags.has(w.flags(), use)) {
            return Optional.of(ReturnCode.WRAPPING_KEY_INVALID);
        }
        boolean badGcm = m.get().isGcm() && (spec.tagBytes() < WrapSpec.MIN_TAG_BYTES
                || spec.tagBytes() > WrapSpec.MAX_TAG_BYTES
                || (spec.iv() != null && spec.iv().length != WrapSpec.GCM_IV_BYTES));
        return badGcm ? Optional.of(ReturnCode.MECHANISM_PARAM_INVALID) : Optional.empty();
    }

    /** Why {@code plaintext} cannot be wrapped so, if it cannot: its length (after {@link #whyNot}). */
    static Optional<ReturnCode> whyNotFits(KeyRecord w, WrapSpec spec, int plaintextLength) {
        WrapMechanism m = WrapMechanism.fromCode(spec.mechanismCode()).orElseThrow();
        if (m == WrapMechanism.NIST_AES_WRAP_NO_PAD && plaintextLength % 8 != 0) {
            return Optional.of(ReturnCode.WRAP_MECHANISM_UNSUPPORTED);
        }
        if (m == WrapMechanism.RSA_OAEP) {
            // key_mgmt_util-wrapKey.md: at most modulusLengthInBytes - 2 * hashLengthInBytes - 2
            int modulusBytes = (rsa(w).getModulus().bitLength() + 7) / 8;
            if (plaintextLength > oaep(spec).maxInput(modulusBytes)) {
                return Optional.of(ReturnCode.RSA_DATA_LEN_INVALID);
            }
        }
        return Optional.empty();
    }

    static Output wrap(KeyRecord w, WrapSpec spec, byte[] plaintext, SecureRandom random) {
        WrapMechanism m = WrapMechanism.fromCode(spec.mechanismCode()).orElseThrow();
        if (m.isAesKeyWrap()) {
            return new Output(AesKeyWrap.wrap(w.material(), m, plaintext), null);
        }
        if (m == WrapMechanism.RSA_OAEP) {
            try {
                return new Output(oaep(spec).encrypt(rsa(w), random, plaintext), null);
            } catch (InvalidCipherTextException e) {
                throw new IllegalStateException("a key that fits RSA-OAEP must encrypt", e);
            }
        }
        AesGcm.Sealed sealed = AesGcm.seal(w.material(), spec.tagBytes() * 8, spec.aad(), plaintext, random);
        return m == WrapMechanism.CLOUDHSM_AES_GCM ? new Output(sealed.ivInFront(), null)
                : new Output(sealed.ciphertext(), sealed.iv());
    }

    /**
     * The plaintext key. AES_GCM's IV comes from the spec, or, when the spec has none, from the 12
     * bytes in front of the ciphertext (as CLOUDHSM_AES_GCM always carries it).
     */
    static byte[] unwrap(KeyRecord w, WrapSpec spec, byte[] ciphertext) throws InvalidCipherTextException {
        WrapMechanism m = WrapMechanism.fromCode(spec.mechanismCode()).orElseThrow();
        if (m.isAesKeyWrap()) {
            return AesKeyWrap.unwrap(w.material(), m, ciphertext);
        }
        if (m == WrapMechanism.RSA_OAEP) {
            return oaep(spec).decrypt(AsymmetricMaterial.of(w.keyClass().code(), w.material()).orElseThrow().key(),
                    ciphertext);
        }
        int tagBits = spec.tagBytes() * 8;
        return m == WrapMechanism.CLOUDHSM_AES_GCM || spec.iv() == null
                ? AesGcm.openIvInFront(w.material(), tagBits, spec.aad(), ciphertext)
                : AesGcm.open(w.material(), tagBits, spec.iv(), spec.aad(), ciphertext);
    }

    /** KMU's RSA_OAEP: the {@code -t} hash for OAEP and MGF1, no label. */
    private static RsaEncryption oaep(WrapSpec spec) {
        return RsaEncryption.oaep(OaepHash.fromCode(spec.oaepHash()).orElseThrow(), new byte[0]);
    }

    private static RSAKeyParameters rsa(KeyRecord w) {
        return (RSAKeyParameters) AsymmetricMaterial.of(w.keyClass().code(), w.material())
                .orElseThrow().key();
    }
}
