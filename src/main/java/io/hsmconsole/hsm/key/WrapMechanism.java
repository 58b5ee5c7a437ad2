package io.hsmconsole.hsm.key;

import java.util.Arrays;
import java.util.Optional;

/**
 * The wrapping mechanisms of {@code wrapKey -m} / {@code unWrapKey -m} the simulator implements
 * (numbers as in the tool's table, key_mgmt_util-wrapKey.md). The AES key wraps and AES-GCM take an
 * AES wrapping key; RSA_OAEP wraps with an RSA public key and unwraps with its private key.
 */
public enum WrapMechanism {
    /** PKCS#5-pad the key to a multiple of 8 bytes, then RFC 3394 AES key wrap. */
    AES_KEY_WRAP_PAD_PKCS5(4),
    /** RFC 3394 AES key wrap; the key must be a multiple of 8 bytes. */
    NIST_AES_WRAP_NO_PAD(5),
    /** RFC 5649 AES key wrap with padding. */
    NIST_AES_WRAP_PAD(6),
    /** RSA-OAEP (hash and MGF1 from {@code -t}, empty label) of the key. */
    RSA_OAEP(8),
    /** AES-GCM under an IV the HSM makes; the IV travels apart from the ciphertext ({@code -iv_file}). */
    AES_GCM(10),
    /** AES-GCM with the HSM's IV in front of the ciphertext (CKM_CLOUDHSM_AES_GCM's layout). */
    CLOUDHSM_AES_GCM(11);

    private final int code;

    WrapMechanism(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** One of the RFC 3394/5649 key wraps (4, 5, 6). */
    public boolean isAesKeyWrap() {
        return this == AES_KEY_WRAP_PAD_PKCS5 || this == NIST_AES_WRAP_NO_PAD || this == NIST_AES_WRAP_PAD;
    }

    public boolean isGcm() {
        return this == AES_GCM || this == CLOUDHSM_AES_GCM;
    }

    public static Optional<WrapMechanism> fromCode(int code) {
        return Arrays.stream(values()).filter(m -> m.code == code).findFirst();
    }
}
