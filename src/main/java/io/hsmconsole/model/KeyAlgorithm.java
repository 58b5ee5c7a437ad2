package io.hsmconsole.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * OBJ_ATTR_KEY_TYPE values (key-attribute-table.md): what a stored key is, whichever command made it.
 * The commands' own rules stay in {@code hsm.key.KeyType} (genSymKey's types, sizes, FIPS) and
 * {@code hsm.key.AsymmetricKeyType} (the pair commands'); each names its algorithm here, so the store can
 * type the record without seeing {@code hsm}.
 */
public enum KeyAlgorithm {
    RSA(0, true), DSA(1, true), EC(3, true),
    GENERIC_SECRET(16, false), RC4(18, false), DES3(21, false), AES(31, false);

    private final int code;
    private final boolean pair;

    KeyAlgorithm(int code, boolean pair) {
        this.code = code;
        this.pair = pair;
    }

    /** The OBJ_ATTR_KEY_TYPE number, as the store's {@code key_type} column and the tools print it. */
    public int code() {
        return code;
    }

    /** Whether keys of this algorithm come as a public/private pair (else they are secret keys). */
    public boolean isPair() {
        return pair;
    }

    public static Optional<KeyAlgorithm> fromCode(int code) {
        return Arrays.stream(VALUES).filter(a -> a.code == code).findFirst();
    }

    private static final KeyAlgorithm[] VALUES = values();
}
