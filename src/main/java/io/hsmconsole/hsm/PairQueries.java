package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.AsymmetricKeyType;
import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.hsm.key.Handles;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.KeyFilter;
import io.hsmconsole.store.KeyRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What finding and listing keys add for key pairs: {@code -m} finds RSA keys by modulus, and the key
 * list shows every public key. (Every crypto user also finds every public key, key_mgmt_util-findKey.md;
 * for findKey the store does that in the same query, {@code KeyFilter.orAnyPublicKey}.)
 */
final class PairQueries {
    private PairQueries() {
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
