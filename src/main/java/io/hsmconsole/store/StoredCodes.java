package io.hsmconsole.store;

import io.hsmconsole.model.KeyAlgorithm;
import io.hsmconsole.model.KeyClass;

import java.nio.file.Path;

/**
 * A key row's numeric columns read as types, for every backend alike: a code the store does not know is
 * damage (or a newer version's writing) and is reported as such, never guessed at.
 */
public final class StoredCodes {
    private StoredCodes() {
    }

    public static KeyClass keyClass(Path store, long handle, int code) {
        return KeyClass.fromCode(code).orElseThrow(() -> unknown(store, handle, "class", code));
    }

    public static KeyAlgorithm keyType(Path store, long handle, int code) {
        return KeyAlgorithm.fromCode(code).orElseThrow(() -> unknown(store, handle, "key type", code));
    }

    private static StoreException unknown(Path store, long handle, String what, int code) {
        return new StoreException(store, "key " + handle + " has the unknown " + what + " " + code
                + " in the cluster store; it is damaged or was written by a newer version");
    }
}
