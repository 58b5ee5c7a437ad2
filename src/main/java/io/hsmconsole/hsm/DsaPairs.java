package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.PairRules;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;

/**
 * genDSAKeyPair's keys: x and y from the cluster's DRBG over the JDK's precomputed FIPS 186-4
 * domain for L = 2048, N = 224 (fresh 2048-bit primes would take seconds a key, and a shared,
 * published domain is how DSA is deployed), handed to BouncyCastle as every other pair is.
 */
final class DsaPairs {
    private DsaPairs() {
    }

    static AsymmetricCipherKeyPair generate(SecureRandom drbg) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("DSA");
            // The JDK takes its cached 2048-bit domain only through the size (its default N for L = 2048 is 224);
            // a DSAGenParameterSpec would ask for new primes.
            g.initialize(PairRules.DSA_MODULUS_BITS, drbg);
            KeyPair pair = g.generateKeyPair();
            return new AsymmetricCipherKeyPair(PublicKeyFactory.createKey(pair.getPublic().getEncoded()),
                    PrivateKeyFactory.createKey(pair.getPrivate().getEncoded()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("every JDK 17 makes 2048-bit DSA keys", e);
        }
    }
}
