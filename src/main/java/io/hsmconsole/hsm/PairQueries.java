package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.AsymmetricKeyType;
import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.store.KeyRecord;

import java.util.Arrays;

/**
 * What finding keys adds for key pairs: {@code -m} finds RSA keys by modulus. (Every crypto user also
 * finds and lists every public key, key_mgmt_util-findKey.md: the store does that in the same query
 * as the user's own keys, {@code KeyFilter.orAnyPublicKey}.)
 */
final class PairQueries {
    private PairQueries() {
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
