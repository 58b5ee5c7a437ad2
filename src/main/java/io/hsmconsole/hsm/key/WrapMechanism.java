package io.hsmconsole.hsm.key;

import java.util.Arrays;
import java.util.Optional;

/**
 * The AES key-wrapping mechanisms of {@code wrapKey -m} / {@code unWrapKey -m} the simulator
 * implements (numbers as in the tool's table). RSA and GCM wrapping are not simulated.
 */
public enum WrapMechanism {
    /** PKCS#5-pad the key to a multiple of 8 bytes, then RFC 3394 AES key wrap. */
    AES_KEY_WRAP_PAD_PKCS5(4),
    /** RFC 3394 AES key wrap; the key must be a multiple of 8 bytes. */
    NIST_AES_WRAP_NO_PAD(5),
    /** RFC 5649 AES key wrap with padding. */
    NIST_AES_WRAP_PAD(6);

    private final int code;

    WrapMechanism(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<WrapMechanism> fromCode(int code) {
        return Arrays.stream(values()).filter(m -> m.code == code).findFirst();
    }
}
