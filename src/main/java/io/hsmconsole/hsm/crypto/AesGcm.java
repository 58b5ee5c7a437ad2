package io.hsmconsole.hsm.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * AES-GCM as the HSM does it for every way in (KMU's wrapKey -m 10/11, SDK 5's aes-gcm and
 * cloudhsm-aes-gcm wraps, PKCS#11's CKM_AES_GCM): the HSM, not the caller, chooses the 12-byte IV, and
 * hands it back either beside the ciphertext or in front of it. Which tag lengths and keys are allowed
 * is the simulator's to judge before.
 */
public final class AesGcm {
    /** The IV the HSM chooses (SP 800-38D's recommended 96 bits). */
    public static final int IV_BYTES = 12;

    /** A sealed message: the IV the HSM chose and the ciphertext with its tag. */
    public record Sealed(byte[] iv, byte[] ciphertext) {
        /** The IV followed by the ciphertext, as CKM_CLOUDHSM_AES_GCM and CloudHSM's CKM_AES_GCM answer. */
        public byte[] ivInFront() {
            byte[] out = Arrays.copyOf(iv, iv.length + ciphertext.length);
            System.arraycopy(ciphertext, 0, out, iv.length, ciphertext.length);
            return out;
        }
    }

    private AesGcm() {
    }

    /** Encrypts under a fresh IV drawn from {@code random}. */
    public static Sealed seal(byte[] key, int tagBits, byte[] aad, byte[] plaintext, SecureRandom random) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            return new Sealed(iv, run(true, key, tagBits, iv, aad, plaintext));
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("GCM encryption has no tag to check", e);
        }
    }

    /** Decrypts and checks the tag; a tag that does not match throws. */
    public static byte[] open(byte[] key, int tagBits, byte[] iv, byte[] aad, byte[] ciphertext)
            throws InvalidCipherTextException {
        return run(false, key, tagBits, iv, aad, ciphertext);
    }

    /** {@link #open} of {@link Sealed#ivInFront()}'s layout. */
    public static byte[] openIvInFront(byte[] key, int tagBits, byte[] aad, byte[] data)
            throws InvalidCipherTextException {
        if (data.length < IV_BYTES) {
            throw new InvalidCipherTextException("shorter than its IV");
        }
        return open(key, tagBits, Arrays.copyOf(data, IV_BYTES), aad, Arrays.copyOfRange(data, IV_BYTES, data.length));
    }

    private static byte[] run(boolean encrypt, byte[] key, int tagBits, byte[] iv, byte[] aad, byte[] input)
            throws InvalidCipherTextException {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), tagBits, iv, aad));
        byte[] out = new byte[gcm.getOutputSize(input.length)];
        int n = gcm.processBytes(input, 0, input.length, out, 0);
        n += gcm.doFinal(out, n);
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
