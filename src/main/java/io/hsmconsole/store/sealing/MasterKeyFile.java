package io.hsmconsole.store.sealing;

import io.hsmconsole.store.OwnerOnly;
import io.hsmconsole.store.StoreException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The per-cluster AES-256 master key that encrypts key material at rest. It lives beside the
 * database in an owner-only file, so copying the database alone does not reveal any key.
 */
public final class MasterKeyFile {
    public static final String FILE_NAME = "master.key";
    private static final int KEY_BYTES = 32;

    private MasterKeyFile() {
    }

    public static byte[] create(Path dir, SecureRandom random) {
        Path file = dir.resolve(FILE_NAME);
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        try {
            // A fresh, exclusively created 0600 file moved into place: never a path that already existed.
            OwnerOnly.writeWhole(file, key);
        } catch (IOException e) {
            throw new StoreException(file, "cannot write the cluster master key", e);
        }
        return key;
    }

    public static byte[] load(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        byte[] key;
        try {
            key = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StoreException(file, "cannot read the cluster master key; without it no key material can be decrypted", e);
        }
        if (key.length != KEY_BYTES) {
            throw new StoreException(file, "the cluster master key is damaged: expected " + KEY_BYTES
                    + " bytes, found " + key.length);
        }
        return key;
    }
}
