package io.hsmconsole.hsm.key;

import io.hsmconsole.model.KeyAlgorithm;
import io.hsmconsole.model.KeyClass;
import java.util.Arrays;
import java.util.Optional;

/** The OBJ_ATTR_KEY_TYPE values of key pairs (key-attribute-table.md): 0 RSA, 3 EC. */
public enum AsymmetricKeyType {
    RSA(KeyAlgorithm.RSA, "RSA"), DSA(KeyAlgorithm.DSA, "DSA"), EC(KeyAlgorithm.EC, "EC");

    private final KeyAlgorithm algorithm;
    private final int code;
    private final String displayName;

    AsymmetricKeyType(KeyAlgorithm algorithm, String displayName) {
        this.algorithm = algorithm;
        this.code = algorithm.code();
        this.displayName = displayName;
    }

    public int code() {
        return code;
    }

    /** What a key of this pair type is stored as. */
    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<AsymmetricKeyType> fromCode(int code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst();
    }

    /** Whether a key of this class is half of a pair (public 2 or private 3). */
    public static boolean isPairClass(int keyClass) {
        return keyClass == KeyClass.PUBLIC_KEY.code() || keyClass == KeyClass.PRIVATE_KEY.code();
    }
}
