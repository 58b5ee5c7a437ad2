package io.hsmconsole.store;

import java.util.List;

/**
 * Criteria for finding token keys, all optional and ANDed. {@code visibleTo} restricts the result
 * to keys owned by or shared with that user; {@code alsoUsableBy} to keys that every listed user
 * can use as well. {@code withAnyPublicKey} widens those two ownership criteria to "or any public
 * key" (key_mgmt_util-findKey.md: a crypto user finds "all public keys in the HSMs"), in the same
 * query: the other criteria (class, type, label, ID, KCV) still apply to the public keys.
 */
public record KeyFilter(Integer visibleTo, Integer keyClass, Integer keyType, String label,
                        String id, byte[] kcv, List<Integer> alsoUsableBy, boolean withAnyPublicKey) {

    public KeyFilter {
        alsoUsableBy = alsoUsableBy == null ? List.of() : List.copyOf(alsoUsableBy);
    }

    public KeyFilter(Integer visibleTo, Integer keyClass, Integer keyType, String label,
                     String id, byte[] kcv, List<Integer> alsoUsableBy) {
        this(visibleTo, keyClass, keyType, label, id, kcv, alsoUsableBy, false);
    }

    /** Every token key, whoever owns it (whole-cluster views: export, CMU findAllKeys). */
    public static KeyFilter all() {
        return new KeyFilter(null, null, null, null, null, null, List.of());
    }

    public static KeyFilter withId(String id) {
        return new KeyFilter(null, null, null, null, id, null, List.of());
    }

    public static KeyFilter visibleTo(int userId) {
        return new KeyFilter(userId, null, null, null, null, null, List.of());
    }

    /** The same criteria, also matching every public key whoever owns it. */
    public KeyFilter orAnyPublicKey() {
        return new KeyFilter(visibleTo, keyClass, keyType, label, id, kcv, alsoUsableBy, true);
    }

    /** Every key the user can use: owned or shared, and with {@link #orAnyPublicKey()} every public key. */
    public boolean isUsableByOnly() {
        return visibleTo != null && alsoUsableBy.isEmpty() && !hasKeyCriteria();
    }

    /** Whether a criterion other than who may use the key is set. */
    public boolean hasKeyCriteria() {
        return keyClass != null || keyType != null || label != null || id != null || kcv != null;
    }
}
