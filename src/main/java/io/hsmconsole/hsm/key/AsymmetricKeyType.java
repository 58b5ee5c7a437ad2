package io.hsmconsole.hsm.key;

import io.hsmconsole.model.KeyClass;
import java.util.Arrays;
import java.util.Optional;

/** The OBJ_ATTR_KEY_TYPE values of key pairs (key-attribute-table.md): 0 RSA, 3 EC. */
public enum AsymmetricKeyType {
    RSA(0, "RSA"), DSA(1, "DSA"), EC(3, "EC");

    private final int code;
    private final String displayName;

    AsymmetricKeyType(int code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    public int code() {
        return code;
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
