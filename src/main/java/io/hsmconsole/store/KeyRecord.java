package io.hsmconsole.store;

import java.util.List;

/**
 * One key as stored: its PKCS#11-style attributes, owner, shared users and plaintext material.
 * The store encrypts {@code material} at rest; callers only ever see it decrypted in memory.
 * {@code flags} holds the boolean attributes as a bit set (see {@code hsm.key.Attribute}).
 */
public record KeyRecord(long handle, int ownerId, int keyClass, int keyType, int sizeBytes,
                        String label, String id, long flags, byte[] kcv, int mValue,
                        int originNode, long createdAtMillis, List<Integer> sharedWith,
                        byte[] material) {

    public KeyRecord {
        sharedWith = List.copyOf(sharedWith);
    }

    public KeyRecord withFlags(long value) {
        return new KeyRecord(handle, ownerId, keyClass, keyType, sizeBytes, label, id, value, kcv,
                mValue, originNode, createdAtMillis, sharedWith, material);
    }

    public KeyRecord withLabel(String value) {
        return new KeyRecord(handle, ownerId, keyClass, keyType, sizeBytes, value, id, flags, kcv,
                mValue, originNode, createdAtMillis, sharedWith, material);
    }

    public KeyRecord withSharedWith(List<Integer> value) {
        return new KeyRecord(handle, ownerId, keyClass, keyType, sizeBytes, label, id, flags, kcv,
                mValue, originNode, createdAtMillis, value, material);
    }
}
