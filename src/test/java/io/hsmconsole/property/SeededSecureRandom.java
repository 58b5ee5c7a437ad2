package io.hsmconsole.property;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * A SecureRandom whose bytes come from a seeded {@link SplittableRandom}, so that a property's keys and
 * nonces replay with its seed ({@link Trials}). For tests only: nothing here is random enough for keys.
 */
public final class SeededSecureRandom extends SecureRandom {
    private final transient SplittableRandom source;

    public SeededSecureRandom(SplittableRandom source) {
        this.source = source;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        source.nextBytes(bytes);
    }

    @Override
    public byte[] generateSeed(int numBytes) {
        byte[] seed = new byte[numBytes];
        source.nextBytes(seed);
        return seed;
    }

    @Override
    public void setSeed(long seed) {
        // the source's seed is the property's: a later seed does not replace it (SecureRandom's constructor calls this)
    }
}
