package io.hsmconsole.hsm.crypto;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.prng.SP800SecureRandom;
import org.bouncycastle.crypto.prng.SP800SecureRandomBuilder;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Key material source: an SP 800-90A CTR_DRBG (AES-256) from BouncyCastle, seeded from the
 * operating system's entropy, as an HSM's key generator would be.
 */
public final class Drbg {
    private Drbg() {
    }

    public static SecureRandom create() {
        SecureRandom entropy = new SecureRandom();
        byte[] nonce = ByteBuffer.allocate(16).putLong(System.nanoTime()).putLong(ProcessHandle.current().pid()).array();
        SP800SecureRandom drbg = new SP800SecureRandomBuilder(entropy, false)
                .setPersonalizationString("hsm-key-console key generation".getBytes(StandardCharsets.US_ASCII))
                .buildCTR(AESEngine.newInstance(), 256, nonce, false);
        return drbg;
    }
}
