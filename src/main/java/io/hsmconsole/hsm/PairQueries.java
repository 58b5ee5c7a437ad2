package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.AsymmetricKeyType;
import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.hsm.key.Handles;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.KeyFilter;
import io.hsmconsole.store.KeyRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What findKey adds for key pairs: every crypto user finds every public key (key_mgmt_util-findKey.md:
 * "The output includes keys that the user owns and shares, and all public keys in the HSMs"), and
 * {@code -m} finds RSA keys by modulus.
 */
final class PairQueries {
    private PairQueries() {
    }

    /**
     * The user's own and shared token keys plus other users' public keys that match, in the order
     * the HSM made them. Other users' public keys match any {@code -u}: every user may use them.
     */
    static List<Long> withEveryonesPublicKeys(ClusterStore store, int userId, KeyQuery q, List<Long> usable) {
        if (q.keyClass() != null && q.keyClass() != KeyClass.PUBLIC_KEY.code()) {
            return usable;
        }
        List<Long> publicKeys = store.findKeys(new KeyFilter(null, KeyClass.PUBLIC_KEY.code(), q.keyType(), q.label(),
                q.id(), q.kcv(), List.of()));
        Set<Long> all = new LinkedHashSet<>(usable);
        if (!all.addAll(publicKeys)) {
            return usable;
        }
        List<Long> merged = new ArrayList<>(all);
        merged.sort(Comparator.comparingLong(Handles::counterOf));
        return merged;
    }

    /**
     * The key list's form of the same rule: the user's own and shared token keys plus every other
     * user's public key (read one by one: there are few), in the order the HSM made them.
     */
    static List<KeyRecord> withEveryonesPublicKeys(ClusterStore store, List<KeyRecord> visible) {
        Set<Long> listed = new HashSet<>();
        visible.forEach(k -> listed.add(k.handle()));
        List<KeyRecord> all = new ArrayList<>(visible);
        for (long h : store.findKeys(new KeyFilter(null, KeyClass.PUBLIC_KEY.code(), null, null, null, null, List.of()))) {
            if (!listed.contains(h)) {
                store.key(h).ifPresent(all::add);
            }
        }
        if (all.size() == visible.size()) {
            return visible;
        }
        all.sort(Comparator.comparingLong(k -> Handles.counterOf(k.handle())));
        return all;
    }

    /** Whether the key is half of an RSA pair with this modulus (leading zero bytes ignored). */
    static boolean hasModulus(KeyRecord key, byte[] modulus) {
        return AsymmetricMaterial.of(key.keyClass().code(), key.material())
                .filter(m -> m.type() == AsymmetricKeyType.RSA)
                .map(m -> Arrays.equals(m.modulus(), stripZeros(modulus))).orElse(false);
    }

    private static byte[] stripZeros(byte[] b) {
        int i = 0;
        while (i < b.length - 1 && b[i] == 0) {
            i++;
        }
        return Arrays.copyOfRange(b, i, b.length);
    }
}
