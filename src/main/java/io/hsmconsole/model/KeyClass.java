package io.hsmconsole.model;

import java.util.Arrays;
import java.util.Optional;

/** OBJ_ATTR_CLASS values. */
public enum KeyClass {
    PUBLIC_KEY(2), PRIVATE_KEY(3), SECRET_KEY(4);

    private final int code;

    KeyClass(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<KeyClass> fromCode(int code) {
        return Arrays.stream(values()).filter(c -> c.code == code).findFirst();
    }
}
